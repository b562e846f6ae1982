import { queryOptions } from '@tanstack/react-query';
import { directoryObjectsGetByIds } from '../arm/operations/graph';
import { queryKeys } from './keys';

/** Names (and for applications, their owner) of directory objects, to show people instead of object ids. */
export const directoryObjectsQuery = (ids: string[]) =>
  queryOptions({
    queryKey: queryKeys.graph('directoryObjects', ...[...ids].sort()),
    queryFn: ({ signal }) => directoryObjectsGetByIds(ids, signal),
    staleTime: 10 * 60_000,
  });
