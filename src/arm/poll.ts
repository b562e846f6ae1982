import { armSleep } from './client';
import { isArmError } from './errors';

/**
 * Polls a long-running operation that has no status endpoint of its own, such as a key deletion or recovery, where
 * Key Vault's SDKs read the object back until it answers: `read` throws a 404 while the operation runs. Backs off from
 * one second to eight, for at most `maxMs`.
 * @returns whether the object read back in time.
 */
export async function pollUntilReadable(
  read: () => Promise<unknown>,
  maxMs = 60_000,
  signal?: AbortSignal,
): Promise<boolean> {
  for (let waited = 0, delay = 1000; waited <= maxMs; waited += delay, delay = Math.min(delay * 2, 8000)) {
    try {
      await read();
      return true;
    } catch (e) {
      if (!isArmError(e) || e.status !== 404) throw e;
    }
    await armSleep(delay, signal);
  }
  return false;
}
