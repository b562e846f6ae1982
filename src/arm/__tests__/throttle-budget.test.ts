import { describe, expect, it } from 'vitest';
import { graphWaitMs, recordBudget, writesRemaining } from '../throttle-budget';

describe('the budgets Azure reports', () => {
  it('ARM writes left, per subscription, from x-ms-ratelimit-remaining-subscription-writes', () => {
    recordBudget(
      new URL('https://management.azure.com/subscriptions/AbC/resourceGroups/rg?api-version=1'),
      new Headers({ 'x-ms-ratelimit-remaining-subscription-writes': '4' }),
      0,
    );
    expect(writesRemaining('abc', 1000)).toBe(4);
    expect(writesRemaining('other', 1000)).toBeUndefined();
    // A minute later it says nothing about now.
    expect(writesRemaining('abc', 61_000)).toBeUndefined();
  });

  it('Resource Graph: wait for the quota to reset only when none is left', () => {
    const url = new URL('https://management.azure.com/providers/Microsoft.ResourceGraph/resources');
    recordBudget(
      url,
      new Headers({ 'x-ms-user-quota-remaining': '3', 'x-ms-user-quota-resets-after': '00:00:04' }),
      0,
    );
    expect(graphWaitMs(1000)).toBe(0);
    recordBudget(
      url,
      new Headers({ 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:04' }),
      0,
    );
    expect(graphWaitMs(1000)).toBe(3000);
    expect(graphWaitMs(5000)).toBe(0);
  });
});
