import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { recordRequests } from '../../../testing/requests';
import { control, resetTwin } from '../../../testing/twin';
import CmkPage from '../cmk-page';

it('fleet, the vaults’ audit settings refused: each is read once, and the page finishes checking', async () => {
  resetTwin('fleet');
  control.armFault({ kind: 'error403', method: 'GET', pathIncludes: 'diagnosticSettings', count: 500 });
  const seen = recordRequests();
  window.location.hash = '#cmk';
  renderWithProviders(<CmkPage query={{}} />);
  expect(
    await screen.findByText(/^Showing 12 of 12 bots\.$/, undefined, { timeout: 8000 }),
  ).toBeInTheDocument();
  // The Alerts column only looks at the risk checks' reads: a loop once read them hundreds of times.
  const reads = seen.filter((r) => /diagnosticsettings/i.test(r.url.pathname)).map((r) => r.url.pathname);
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.length).toBe(new Set(reads).size);
});
