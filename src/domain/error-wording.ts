import { isArmError, type ArmError } from '../arm/errors';
import { isChangedMeanwhile } from './changed-meanwhile';

/** Plain words for what a status means to the admin; Azure's own message always follows. */
export function describeError(error: unknown): { title: string; message: string } {
  if (isChangedMeanwhile(error)) return { title: 'Changed by someone else', message: error.message };
  if (!isArmError(error))
    return { title: 'Something went wrong', message: error instanceof Error ? error.message : String(error) };
  const e: ArmError = error;
  const title =
    e.status === 0
      ? 'Azure could not be reached'
      : e.status === 401
        ? 'Sign-in needed'
        : e.status === 403
          ? 'You do not have access'
          : e.status === 404
            ? 'Not found'
            : e.status === 409
              ? 'Azure refused the change'
              : e.status === 429
                ? 'Azure is throttling requests'
                : e.status >= 500
                  ? 'Azure had a problem'
                  : 'Azure refused the request';
  return { title, message: e.message };
}

export function errorDetails(error: unknown): string {
  if (!isArmError(error)) return String(error);
  return [
    `Status: ${error.status}`,
    `Code: ${error.code}`,
    error.target ? `Target: ${error.target}` : undefined,
    `Message: ${error.message}`,
    error.method && error.url ? `Request: ${error.method} ${error.url.replace(/\?.*$/, '')}` : undefined,
    error.requestId ? `Request id: ${error.requestId}` : undefined,
    error.correlationId ? `Correlation id: ${error.correlationId}` : undefined,
    error.clientRequestId ? `Client request id: ${error.clientRequestId}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}
