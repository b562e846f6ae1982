import { describe, expect, it } from 'vitest';
import { resetTwin, sleeps } from '../../testing/twin';
import { recordRequests } from '../../testing/requests';
import { resourceGraphQuery } from '../operations/resource-graph';

describe('Resource Graph’s quota (15 queries per 5 seconds), as the console keeps to it', () => {
  it('waits for the window to refill instead of being throttled: no 429 is ever asked for', async () => {
    resetTwin('encrypted');
    const seen = recordRequests();
    for (let i = 0; i < 20; i++) {
      const rows = await resourceGraphQuery<{ id: string }>('tenant', 'resources | project id | take 1');
      expect(rows).toHaveLength(1);
    }
    // The 16th query waited for the quota to refill (the twin said `x-ms-user-quota-remaining: 0`).
    expect(sleeps.filter((ms) => ms > 4000 && ms <= 5000)).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
    expect(seen.filter((r) => r.url.pathname.endsWith('/resources'))).toHaveLength(20);
  });
});
