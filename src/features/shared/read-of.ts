import { isArmError } from '../../arm/errors';
import { describeError } from '../../domain/error-wording';
import type { Read } from '../../domain/readiness/types';

/** A query's answer as the readiness rules take it: the value, why it could not be read, or not yet. */
export function read<T>(q: { error: unknown; data?: T }, enabled: boolean, notEnabledWhy: string): Read<T> {
  if (!enabled) return { error: notEnabledWhy };
  if (q.error)
    return {
      error: describeError(q.error).message,
      notFound: isArmError(q.error) && q.error.status === 404 ? true : undefined,
    };
  if (q.data !== undefined) return { value: q.data };
  return undefined;
}
