import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso } from '../../../mocks/scenarios/contoso';
import { findDialog } from '../../../testing/dialogs';
import { renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import { initiativeAssignedEarlier } from '../../../mocks/scenarios/policy-past';
import CmkPage from '../cmk-page';

const world = () => testTwin.managed.twin.world;
const definitionId =
  '/providers/Microsoft.Authorization/policyDefinitions/51522a96-0869-4791-82f3-981000c2c67f';
const assignmentId = `/subscriptions/${contoso.botsSub}/providers/Microsoft.Authorization/policyAssignments/bot-service-cmk`;
const excluded = `/subscriptions/${contoso.botsSub}/resourceGroups/rg-legacy-bots`;

/** The fleet scenario with the policy assigned (Audit) to the bots' subscription, as an admin did in the portal. */
function withAuditAssigned(displayName: string, notScopes: string[]) {
  resetTwin('fleet');
  world().policyAssignments.set(assignmentId, {
    id: assignmentId,
    subscriptionId: contoso.botsSub,
    name: 'bot-service-cmk',
    displayName,
    policyDefinitionId: definitionId,
    parameters: { effect: { value: 'Audit' } },
    enforcementMode: 'Default',
    notScopes,
    createdAt: 0,
  });
}

describe('the Bot Service CMK policy from the Customer-managed keys page', () => {
  it('an initiative that includes the policy counts as assigned, and no second assignment is offered beside it', async () => {
    resetTwin('fleet');
    initiativeAssignedEarlier(world(), contoso.botsSub, Date.UTC(2026, 9, 1));
    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />);
    await screen.findByText('Showing 12 of 12 bots.', undefined, { timeout: 8000 });
    await userEvent.click(screen.getByRole('tab', { name: 'Azure Policy' }));
    const table = screen.getByRole('table', { name: 'Azure Policy by subscription' });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('Contoso Bots (Production)'))!;
    await waitFor(() =>
      expect(row).toHaveTextContent('Audit, through the initiative “Contoso CMK baseline”'),
    );
    expect(row).toHaveTextContent(
      'Assigned through the initiative “Contoso CMK baseline”: change its effect there.',
    );
    expect(
      within(row).getByRole('button', { name: 'Assign the policy to Contoso Bots (Production)' }),
    ).toBeDisabled();
  });

  it('changing Audit to Deny keeps the exclusion an admin set in the portal, then evaluates', async () => {
    withAuditAssigned('Bot Service CMK (set by Priya)', [excluded]);
    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />);
    await screen.findByText('Showing 12 of 12 bots.', undefined, { timeout: 8000 });
    await userEvent.click(screen.getByRole('tab', { name: 'Azure Policy' }));
    const table = screen.getByRole('table', { name: 'Azure Policy by subscription' });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('Contoso Bots (Production)'))!;
    await waitFor(() => expect(row).toHaveTextContent('Audit, 1 scope excluded'));
    await userEvent.click(
      within(row).getByRole('button', { name: 'Assign the policy to Contoso Bots (Production)' }),
    );
    const dialog = await findDialog('Assign the CMK policy to Contoso Bots (Production)');
    await userEvent.click(within(dialog).getByRole('radio', { name: /^Deny:/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign (Deny)' }));
    await waitFor(() =>
      expect(world().policyAssignments.get(assignmentId)?.parameters.effect?.value).toBe('Deny'),
    );
    expect(world().policyAssignments.get(assignmentId)).toMatchObject({
      displayName: 'Bot Service CMK (set by Priya)',
      notScopes: [excluded],
    });
    await waitFor(() => expect(row).toHaveTextContent('3 non-compliant, 9 compliant of 12 bots'), {
      timeout: 8000,
    });
  });

  it('an evaluation still running is known after the tab is left and opened again', async () => {
    withAuditAssigned('Bot Service CMK', []);
    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />);
    await screen.findByText('Showing 12 of 12 bots.', undefined, { timeout: 8000 });
    await userEvent.click(screen.getByRole('tab', { name: 'Azure Policy' }));
    const evaluate = await screen.findByRole('button', { name: 'Evaluate Contoso Bots (Production) now' });
    await waitFor(() => expect(evaluate).toBeEnabled());
    const held = control.armFault({ kind: 'hold', method: 'POST', pathIncludes: 'triggerEvaluation' });
    await userEvent.click(evaluate);
    await userEvent.click(screen.getByRole('tab', { name: 'Bots' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Azure Policy' }));
    // Mounted again, the row still knows: no second assignment or scan can start meanwhile.
    expect(screen.getByRole('button', { name: 'Evaluating Contoso Bots (Production)…' })).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Assign the policy to Contoso Bots (Production)' }),
    ).toBeDisabled();
    control.releaseFault(held.id);
    expect(
      await screen.findByRole(
        'button',
        { name: 'Evaluate Contoso Bots (Production) now' },
        { timeout: 8000 },
      ),
    ).toBeEnabled();
  });
});
