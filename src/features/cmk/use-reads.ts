import { useQueries, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Read } from '../../domain/readiness/types';
import { oneOfMany } from '../../queries/cmk';
import { read } from '../shared/read-of';

export interface Reads<T> {
  get(key: string): Read<T>;
  /** Reads still running. */
  running: number;
  refetchFailed(): void;
  refetchAll(): void;
}

/**
 * Many reads of one kind, each named by a key, a few at a time (queries/cmk.ts). The answer object changes only
 * when one of the reads does, so rows built from it are not rebuilt on every render.
 */
export function useReads<T, K extends QueryKey>(
  items: { key: string; options: UseQueryOptions<T, Error, T, K> }[],
): Reads<T> {
  const keys = items.map((i) => i.key);
  const joined = keys.join('\n');
  const combine = useCallback(
    (
      results: {
        data?: T;
        error: Error | null;
        isFetching: boolean;
        isError: boolean;
        refetch: () => unknown;
      }[],
    ) => {
      const names = joined ? joined.split('\n') : [];
      const reads = new Map(names.map((k, i) => [k, read(results[i]!, true, '')]));
      return {
        get: (key: string) => reads.get(key),
        running: results.filter((r) => r.isFetching).length,
        refetchFailed: () => results.forEach((r) => void (r.isError && r.refetch())),
        refetchAll: () => results.forEach((r) => void r.refetch()),
      };
    },
    [joined],
  );
  return useQueries({ queries: items.map((i) => oneOfMany(i.options)), combine });
}
