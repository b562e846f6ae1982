import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { isArmError } from '../arm/errors';
import { describeError, errorDetails } from '../domain/error-wording';

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
