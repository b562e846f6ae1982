import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import AccessPolicyEditorBlade from '../access-policy-editor-blade';

const world = () => testTwin.managed.twin.world;
const policies = () => world().vaults.get(contosoVaultId)!.accessPolicies;
const cmekId = () => world().cmekPrincipal(contoso.tenantId)!.objectId;

function openCreate() {
  return renderWithProviders(<AccessPolicyEditorBlade />, {
    blade: bladeContext(contosoVaultId, 'accesspolicies/create', 'Create an access policy', 'Key vault'),
  });
}

function openEdit(objectId: string) {
  return renderWithProviders(<AccessPolicyEditorBlade />, {
    blade: bladeContext(contosoVaultId, 'accesspolicies/edit', 'Edit access policy', 'Key vault', {
      objectId,
    }),
  });
}

async function chooseCmekTemplate() {
  await userEvent.click(await screen.findByRole('combobox', { name: 'Configure from a template' }));
  await userEvent.click(screen.getByRole('option', { name: 'Bot Service CMEK (Get, Wrap Key, Unwrap Key)' }));
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
}

describe('Key vault | Create an access policy', () => {
  it('creates the Bot Service CMEK policy: template, Microsoft’s principal offered first, review, create', async () => {
    openCreate();
    expect(await screen.findByText('Create an access policy', { selector: 'h2' })).toBeInTheDocument();
    await chooseCmekTemplate();
    expect(screen.getByText('Only 1 principal can be assigned per access policy.')).toBeInTheDocument();
    // Without typing, Microsoft's own principal is offered (found by application id), and it alone.
    await userEvent.click(
      await screen.findByRole('radio', { name: new RegExp(`Bot Service CMEK Prod.*${cmekId()}`) }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Get, Wrap Key, Unwrap Key')).toBeInTheDocument();
    expect(screen.getByText(cmekId())).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(policies().find((p) => p.objectId === cmekId())?.permissions.keys).toEqual([
        'get',
        'wrapKey',
        'unwrapKey',
      ]),
    );
    await waitFor(() => expect(window.location.hash).toMatch(/\/vaults\/kv-contoso-cmk\/accesspolicies$/));
  });

  it('shows a lookalike found by name, says why, and offers it neither as principal nor as application', async () => {
    resetTwin('ready');
    const lookalike = [...world().principals.values()].find(
      (p) => p.displayName === 'Bot Service CMEK Prod' && p.appOwnerOrganizationId === contoso.tenantId,
    )!;
    openCreate();
    await chooseCmekTemplate();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search principals' }), 'Bot Service CMEK');
    const fake = await screen.findByRole('radio', { name: new RegExp(lookalike.objectId) });
    expect(fake).toBeDisabled();
    const results = screen.getByRole('group', { name: 'Search results' });
    expect(within(results).getByText('Lookalike')).toBeInTheDocument();
    expect(within(results).getByText('Not offered: Keyguard gives a lookalike nothing.')).toBeInTheDocument();
    await userEvent.click(fake);
    expect(fake).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search applications' }), 'Bot Service CMEK');
    expect(await screen.findByRole('radio', { name: new RegExp(lookalike.objectId) })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Select a principal.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('Create stays off until a permission and a principal are chosen', async () => {
    openCreate();
    await userEvent.click(await screen.findByRole('tab', { name: /Review \+ create/ }));
    expect(screen.getByText('Select at least one permission.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });
});

describe('Key vault | Edit access policy', () => {
  it('editing away Wrap Key from Microsoft’s principal raises the revoke warning naming the bots', async () => {
    resetTwin('encrypted');
    openEdit(cmekId());
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Key permissions: Wrap Key' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const again = await findDialog('These bots will stop working');
    expect(again).toHaveTextContent('contoso-support-bot');
    expect(dialogButton(again, 'Save anyway')).toBeDisabled();
    await userEvent.type(
      within(again).getByRole('textbox', { name: /Type “kv-contoso-cmk” to go ahead anyway/ }),
      'kv-contoso-cmk',
    );
    await userEvent.click(dialogButton(again, 'Save anyway'));
    await waitFor(() =>
      expect(policies().find((p) => p.objectId === cmekId())?.permissions.keys).toEqual(['get', 'unwrapKey']),
    );
  });

  it('while Graph refuses, editing away Unwrap Key still goes through the guard, which says it could not confirm whose entry it is', async () => {
    resetTwin('encrypted');
    control.armFault({ kind: 'error403', pathIncludes: '/v1.0/', count: 1000 });
    const before = structuredClone(policies());
    openEdit(cmekId());
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Key permissions: Unwrap Key' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const again = await findDialog(/bots (will|may) stop working/i);
    expect(again).toHaveTextContent(`Keyguard could not confirm who ${cmekId()} belongs to`);
    expect(again).toHaveTextContent('contoso-support-bot');
    expect(policies()).toEqual(before);
  });

  it('says so when the policy to edit is gone', async () => {
    openEdit('00000000-0000-0000-0000-000000000000');
    expect(await screen.findByText(/has no access policy for object id 00000000/)).toBeInTheDocument();
  });
});
