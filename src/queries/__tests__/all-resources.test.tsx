import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/app';
import { testQueryClient, testSession } from '../../testing/render';
import { control, resetTwin } from '../../testing/twin';
import { useAllResources } from '../all-resources';

function wrapper({ children }: { children: ReactNode }) {
  return (
    <Providers session={testSession} queryClient={queryClient}>
      {children}
    </Providers>
  );
}
let queryClient = testQueryClient();

describe('useAllResources', () => {
  // A new rows array on every render made Home's deferred table render again and again, for good.
  it('keeps the same rows from render to render once they are read', async () => {
    resetTwin('fresh');
    queryClient = testQueryClient();
    const { result, rerender } = renderHook(() => useAllResources(), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    const rows = result.current.rows;
    expect(rows.length).toBe(10);
    rerender();
    rerender();
    expect(result.current.rows).toBe(rows);
  });

  it('keeps them stable as well when each subscription is listed instead', async () => {
    resetTwin('fresh');
    queryClient = testQueryClient();
    control.armFault({ kind: 'error500', method: 'POST', pathIncludes: 'Microsoft.ResourceGraph', count: 4 });
    const { result, rerender } = renderHook(() => useAllResources(), { wrapper });
    await waitFor(() => expect(result.current.rows.length).toBe(10));
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    const rows = result.current.rows;
    rerender();
    rerender();
    expect(result.current.rows).toBe(rows);
  });

  // The top bar's search mounts in a transition that scrolling restarts: building 7,000 rows each time froze the page.
  it('hands a second caller (the top bar’s search) the rows already built, not a copy', async () => {
    resetTwin('fresh');
    queryClient = testQueryClient();
    const { result: home } = renderHook(() => useAllResources(), { wrapper });
    await waitFor(() => expect(home.current.isLoading).toBe(false));
    const { result: idle } = renderHook(() => useAllResources(false), { wrapper });
    expect(idle.current.rows).toBe(home.current.rows);
  });
});
