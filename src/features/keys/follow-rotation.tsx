import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Key } from '../../arm/types/key-vault';
import { serverNow } from '../../arm/server-clock';
import type { KeyDependent } from '../../domain/keys/key-dependents';
import { newerUsableVersion, versionUrlOf } from '../../domain/keys/key-versions';
import { dateTimeText } from '../../domain/time-text';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { useMoveBotKey, type BotMove } from '../../queries/mutations/use-move-bot-key';

/**
 * Follow a rotation: a bot on an older version of this key while a newer usable one exists (after an automatic
 * rotation, say). Azure Bot Service keeps the version in its Key URL; one click moves it, with the week's reminder.
 */
export function FollowRotation({ uses, versions }: { uses: KeyDependent[]; versions: Key[] }) {
  const move = useMoveBotKey();
  const [confirming, setConfirming] = useState<BotMove>();
  const behind = uses
    .filter((u) => u.current)
    .map((u) => ({ use: u, newer: newerUsableVersion(u.key, versions, serverNow()) }))
    .filter((x): x is { use: KeyDependent; newer: Key } => x.newer !== undefined);
  if (behind.length === 0 && !move.error) return null;
  return (
    <>
      {behind.map(({ use, newer }) => {
        const to = versionUrlOf(newer)!;
        const created = newer.properties.attributes?.created;
        return (
          <MessageBar key={use.botId} intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{use.botName} is on an older version</MessageBarTitle>
              It uses version {use.key.version.slice(0, 8)}…; version {to.version.slice(0, 8)}… is newer
              {created ? ` (created ${dateTimeText(created * 1000)})` : ''}. Azure Bot Service does not follow
              rotations on its own.
            </MessageBarBody>
            <MessageBarActions>
              <Button
                disabled={move.isPending}
                onClick={() => setConfirming({ botId: use.botId, from: use.key, to })}
              >
                Move {use.botName} to the newer version
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
      {move.error ? <ArmErrorBar error={move.error} title="The bot was not moved" /> : null}
      <ConfirmDialog
        open={confirming !== undefined}
        title="Move the bot to the newer version?"
        confirmLabel="Move"
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          if (confirming) move.mutate(confirming);
          setConfirming(undefined);
        }}
      >
        <Text block>
          The bot’s Key URL becomes version {confirming?.to.version}. Azure Bot Service re-encrypts its data
          in the background (up to 24 hours) while the bot keeps working.
        </Text>
        <Text block>
          Keep version {confirming?.from.version} enabled, and Bot Service CMEK Prod’s access to it, for at
          least a week: Keyguard holds it with the guard until then.
        </Text>
      </ConfirmDialog>
    </>
  );
}
