import { armRequest, armSleep as sleep, type ArmResponse } from './client';
import { ArmError } from './errors';
import { parseRetryAfter } from './retry-policy';

const terminal = new Set(['succeeded', 'failed', 'canceled', 'cancelled']);
const defaultPollMs = 1000;

interface AsyncOperationBody {
  status?: string;
  error?: { code?: string; message?: string };
  properties?: { provisioningState?: string };
}

function pollDelay(headers: Headers): number {
  return parseRetryAfter(headers.get('retry-after'), Date.now()) ?? defaultPollMs;
}

function failure(status: string, body: AsyncOperationBody | undefined, url: string): ArmError {
  return new ArmError({
    status: 200,
    code: body?.error?.code ?? (status.toLowerCase() === 'failed' ? 'OperationFailed' : 'OperationCanceled'),
    message: body?.error?.message ?? `The operation ended as ${status}.`,
    url,
  });
}

export interface LroOptions {
  /** The resource to read once the operation ends; omit for operations with no resource (a purge). */
  finalPath?: string;
  apiVersion?: string;
  signal?: AbortSignal;
}

/**
 * Completes an ARM long-running operation from its first response: `Azure-AsyncOperation` first, then `Location`,
 * then the resource's own `provisioningState`, waiting `Retry-After` between polls, and ends with a read of the
 * final resource. `Failed` and `Canceled` become an ArmError carrying Azure's message.
 */
export async function completeLongRunning<T>(
  first: ArmResponse<unknown>,
  options: LroOptions,
): Promise<T | undefined> {
  const { signal, finalPath, apiVersion } = options;
  const asyncUrl = first.headers.get('azure-asyncoperation');
  const locationUrl = first.headers.get('location');
  let delay = pollDelay(first.headers);

  if (asyncUrl && (first.status === 201 || first.status === 202 || first.status === 200)) {
    for (;;) {
      await sleep(delay, signal);
      const poll = await armRequest<AsyncOperationBody>({ method: 'GET', path: asyncUrl, signal });
      const status = poll.body?.status ?? 'InProgress';
      if (terminal.has(status.toLowerCase())) {
        if (status.toLowerCase() !== 'succeeded') throw failure(status, poll.body, asyncUrl);
        break;
      }
      delay = pollDelay(poll.headers);
    }
  } else if (locationUrl && first.status === 202) {
    for (;;) {
      await sleep(delay, signal);
      const poll = await armRequest<unknown>({ method: 'GET', path: locationUrl, signal });
      if (poll.status !== 202) {
        if (!finalPath) return poll.body as T | undefined;
        break;
      }
      delay = pollDelay(poll.headers);
    }
  } else {
    const state = (first.body as AsyncOperationBody | undefined)?.properties?.provisioningState;
    if (!state || terminal.has(state.toLowerCase())) {
      if (state && state.toLowerCase() !== 'succeeded') throw failure(state, undefined, finalPath ?? '');
      return first.body as T | undefined;
    }
    if (!finalPath) return first.body as T | undefined;
    for (;;) {
      await sleep(delay, signal);
      const poll = await armRequest<T & AsyncOperationBody>({
        method: 'GET',
        path: finalPath,
        apiVersion,
        signal,
      });
      const s = poll.body?.properties?.provisioningState;
      if (!s || terminal.has(s.toLowerCase())) {
        if (s && s.toLowerCase() !== 'succeeded') throw failure(s, undefined, finalPath);
        return poll.body;
      }
      delay = pollDelay(poll.headers);
    }
  }
  if (!finalPath) return undefined;
  const final = await armRequest<T>({ method: 'GET', path: finalPath, apiVersion, signal });
  return final.body;
}
