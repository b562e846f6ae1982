import { screen, within } from '@testing-library/react';

/** The notification toasts region (where a change's outcome is announced), to find one toast by its text. */
export async function findToast(text: string | RegExp): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name: 'Notification toasts' });
  return within(region).findByText(text);
}

/** The error bar whose title is given: its whole text, to check Azure's message is in it. */
export function errorBar(title: string): HTMLElement {
  const bar = screen.getByText(title).closest('.fui-MessageBar');
  if (!(bar instanceof HTMLElement)) throw new Error(`No message bar titled ${title}.`);
  return bar;
}
