import { Checkbox } from '@fluentui/react-components';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { dialogButton, findDialog } from '../../testing/dialogs';
import { renderWithProviders } from '../../testing/render';
import { RouterLink } from '../navigation/router-link';
import { syncRouteFromLocation } from '../navigation/router';
import { useUnsavedChanges } from '../navigation/unsaved-changes';

function Form() {
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty, 'kv1 | Networking');
  return (
    <>
      <Checkbox
        label="Allow trusted Microsoft services to bypass this firewall"
        checked={dirty}
        onChange={(_, d) => setDirty(d.checked === true)}
      />
      <RouterLink href="#home">Home</RouterLink>
    </>
  );
}

describe('unsaved-changes guard', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '#/resource/subscriptions/s1');
    syncRouteFromLocation();
  });

  it('lets a clean blade go without asking', async () => {
    renderWithProviders(<Form />);
    await userEvent.click(screen.getByRole('link', { name: 'Home' }));
    expect(window.location.hash).toBe('#home');
    expect(screen.queryByRole('alertdialog', { hidden: true })).not.toBeInTheDocument();
  });

  it('asks before in-app navigation leaves unsaved edits; Stay keeps them, Leave goes', async () => {
    renderWithProviders(<Form />);
    const box = screen.getByRole('checkbox', { name: /bypass this firewall/ });
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('link', { name: 'Home' }));
    const dialog = await findDialog('Leave without saving?');
    expect(dialog).toHaveTextContent('kv1 | Networking');
    await userEvent.click(dialogButton(dialog, 'Stay on this page'));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).not.toBeInTheDocument());
    expect(window.location.hash).toBe('#/resource/subscriptions/s1');
    expect(box).toBeChecked();

    await userEvent.click(screen.getByRole('link', { name: 'Home' }));
    await userEvent.click(
      dialogButton(await findDialog('Leave without saving?'), 'Leave and discard changes'),
    );
    await waitFor(() => expect(window.location.hash).toBe('#home'));
  });

  it('asks the browser before a reload or closing the tab while dirty', async () => {
    renderWithProviders(<Form />);
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: /bypass this firewall/ }));
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});
