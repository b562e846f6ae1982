import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import CmkPage from '../../features/cmk/cmk-page';
import { renderWithProviders } from '../../testing/render';
import { recordRequests } from '../../testing/requests';
import { resetTwin } from '../../testing/twin';
import { prefetchRouteData } from '../prefetch-route';
import { createQueryClient } from '../query-client';

/**
 * The reads behind the risk column: a subscription's provider, a vault's diagnostic settings, a key's versions, and
 * (where Resource Graph's row cannot answer) the vault itself and its role assignments.
 */
const riskRead = (path: string) =>
  /\/providers\/microsoft\.botservice$|\/diagnosticsettings$|\/keys\/[^/]+\/versions$|\/vaults\/[^/]+$|\/roleassignments$/i.test(
    path,
  );

describe('a deep link to the Customer-managed keys page', () => {
  it('starts the risk column’s reads before the page renders, and the page reads none of them again', async () => {
    resetTwin('fleet');
    const seen = recordRequests();
    // The console's own client: what start-up read is fresh for a minute.
    const queryClient = createQueryClient();
    await prefetchRouteData({ kind: 'cmk', query: {} }, queryClient);
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const early = seen.filter((r) => r.method === 'GET' && riskRead(r.url.pathname)).length;
    // The scenario's six vaults: each one's diagnostic settings and key, and the providers of their four subscriptions.
    expect(early).toBe(16);

    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />, { queryClient });
    await screen.findByText(/^Showing 12 of 12 bots\.$/, undefined, { timeout: 8000 });
    const reads = seen.filter((r) => r.method === 'GET' && riskRead(r.url.pathname)).map((r) => r.url.href);
    expect(reads).toHaveLength(early);
    expect(new Set(reads).size).toBe(reads.length);
    window.location.hash = '';
  });
});
