import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { keyOutOfReach } from '../../domain/readiness/evaluate';
import type { ReadinessCheck } from '../../domain/readiness/types';

/**
 * Said only on documented signals (the readiness facts of the bot's own key: disabled, expired, deleted, access gone,
 * firewall closed, another tenant), never on a status word Azure does not document.
 */
export function KeyOutOfReachBar({ checks }: { checks: ReadinessCheck[] }) {
  const broken = keyOutOfReach(checks);
  if (broken.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The bot cannot use its key</MessageBarTitle>
        Azure Bot Service cannot reach the customer-managed key of this bot, so the bot cannot send or receive
        messages and its configuration cannot be read or changed. {broken.map((c) => c.reason).join(' ')}{' '}
        Restore access with the fixes below; the Bot Service team cannot recover a bot without its key.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The key a rotation replaced must stay usable for a week while data is re-encrypted. */
export function PreviousKeyBar({
  keyUrl,
  replacedAt,
  checks,
}: {
  keyUrl: string;
  replacedAt: number;
  checks: ReadinessCheck[];
}) {
  const broken = keyOutOfReach(checks);
  if (broken.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The previous key became unusable too early</MessageBarTitle>
        The key replaced on {new Date(replacedAt).toUTCString()} ({keyUrl}) must stay available for at least a
        week while data is re-encrypted, or the bot may stop working. {broken.map((c) => c.reason).join(' ')}
      </MessageBarBody>
    </MessageBar>
  );
}
