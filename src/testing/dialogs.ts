import { screen, waitFor, within } from '@testing-library/react';

/**
 * Finds an open Fluent dialog (modal or alert) by its title. Tabster's modalizer sets aria-hidden on a timer; under a
 * loaded happy-dom that timer can mark the dialog itself hidden, so these helpers include hidden nodes. Real
 * accessibility of dialogs is checked in Chromium by the Playwright suite (roles and axe).
 */
export function findDialog(name: string | RegExp): Promise<HTMLElement> {
  const titled = (el: HTMLElement) => {
    const title = el.querySelector('.fui-DialogTitle')?.textContent ?? '';
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
