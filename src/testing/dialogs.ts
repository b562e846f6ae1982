import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Finds an open Fluent dialog (modal, alert, or overlay drawer) by its title. Tabster's modalizer sets aria-hidden on a timer; under a
 * loaded happy-dom that timer can mark the dialog itself hidden, so these helpers include hidden nodes. Real
 * accessibility of dialogs is checked in Chromium by the Playwright suite (roles and axe).
 */
export function findDialog(name: string | RegExp): Promise<HTMLElement> {
  const titled = (el: HTMLElement) => {
    const title = el.querySelector('.fui-DialogTitle, .fui-DrawerHeaderTitle__heading')?.textContent ?? '';
    return typeof name === 'string' ? title === name : name.test(title);
  };
  return waitFor(() => {
    const all = [
      ...screen.queryAllByRole('alertdialog', { hidden: true }),
      ...screen.queryAllByRole('dialog', { hidden: true }),
    ];
    const el = all.find(titled);
    if (!el) throw new Error(`No open dialog titled ${String(name)}.`);
    return el;
  });
}

export function dialogButton(dialog: HTMLElement, name: string | RegExp): HTMLElement {
  return within(dialog).getByRole('button', { name, hidden: true });
}

/** A control inside an open dialog or drawer, found once it shows (hidden nodes included, as above). */
export function findInDialog(dialog: HTMLElement, role: string, name: string | RegExp): Promise<HTMLElement> {
  return within(dialog).findByRole(role, { name, hidden: true });
}

/** Opens a Fluent Dropdown inside a dialog and picks an option; the listbox is portalled outside the dialog. */
export async function pickInDialog(
  dialog: HTMLElement,
  dropdown: string,
  option: string | RegExp,
): Promise<void> {
  await userEvent.click(await findInDialog(dialog, 'combobox', dropdown));
  await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}
