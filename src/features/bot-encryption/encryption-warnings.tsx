import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { keyOutOfReach } from '../../domain/readiness/evaluate';
import type { ReadinessCheck } from '../../domain/readiness/types';
import { keepReplacedKeyMs, type KeyChange } from '../../domain/history/key-history';
import { dateTimeText } from '../../domain/time-text';

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

/**
 * The one-week watch: the key a rotation replaced must stay usable for a week while data is re-encrypted. Shown from
 * Azure's change records, whoever rotated; a warning as soon as the replaced key is out of reach.
 */
export function ReplacedKeyBar({ change, checks }: { change: KeyChange; checks: ReadinessCheck[] }) {
  const broken = keyOutOfReach(checks);
  const until = dateTimeText(change.at + keepReplacedKeyMs);
  const who = change.changedBy
    ? ` by ${change.changedBy}${change.clientType ? ` (${change.clientType})` : ''}`
    : '';
  return (
    <MessageBar intent={broken.length ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {broken.length
            ? 'The replaced key became unusable too early'
            : `Keep the replaced key until ${until}`}
        </MessageBarTitle>
        The key was rotated{who} on {dateTimeText(change.at)}. The key it replaced ({change.previousKey?.href}
        ) must stay enabled, and Azure Bot Service’s access to it must stay, for at least a week while data is
        re-encrypted: until {until}. {broken.map((c) => c.reason).join(' ')}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Follow a rotation: the key has a newer usable version than the one in the bot's Key URL (Azure Bot Service does not
 * move on its own). Using it fills the Key URL; Save then asks as for any rotation, with the week's reminder.
 */
export function NewerVersionBar({
  keyName,
  version,
  createdSec,
  onUse,
}: {
  keyName: string;
  version: string;
  createdSec?: number;
  onUse(): void;
}) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>A newer version of {keyName} exists</MessageBarTitle>
        Version {version}
        {createdSec ? ` (created ${dateTimeText(createdSec * 1000)})` : ''} is newer than the one this bot
        uses, and usable. Azure Bot Service keeps the version in the Key URL until you change it.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onUse}>Use the newer version</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
