import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { ChangedMeanwhileError } from '../domain/changed-meanwhile';
import { deepEqual } from '../domain/deep-equal';

/**
 * Key Vault and Bot Service updates carry no ETag, so a PATCH would silently overwrite a colleague's change made while
 * this user was editing. Right before writing, the resource is read again; the fresh copy lands in the cache (so the
 * blade shows what changed) and, when it no longer maps to the form's baseline, the write is not sent.
 */
export async function writeIfUnchanged<TData, TForm, TResult, TKey extends QueryKey>(o: {
  queryClient: QueryClient;
  query: FetchQueryOptions<TData, Error, TData, TKey>;
  toForm: (latest: TData) => TForm;
  base: TForm;
  what: string;
  write: (latest: TData) => Promise<TResult>;
}): Promise<TResult> {
  const latest = await o.queryClient.fetchQuery({ ...o.query, staleTime: 0 });
  if (!deepEqual(o.toForm(latest), o.base)) throw new ChangedMeanwhileError(o.what);
  return o.write(latest);
}
