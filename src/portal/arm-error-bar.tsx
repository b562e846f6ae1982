import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { isArmError, type ArmError } from '../arm/errors';
import { isChangedMeanwhile } from './form/changed-meanwhile-error';

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

/** An ARM error as the admin needs it: what happened, Azure's message and code, and the ids support will ask for. */
export function ArmErrorBar({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const d = describeError(error);
  const code = isArmError(error) ? error.code : undefined;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? d.title}</MessageBarTitle>
        <Text>{d.message}</Text>
        {code && (
          <Text size={200} block>
            Code: {code}
            {isArmError(error) && error.requestId ? ` · Request id: ${error.requestId}` : ''}
          </Text>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {onRetry && <Button onClick={onRetry}>Try again</Button>}
        <Button
          icon={<CopyRegular />}
          onClick={() => void navigator.clipboard?.writeText(errorDetails(error))}
        >
          Copy details
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
