import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';

/** Another admin changed the resource while this user was editing: say what, keep the edits, let the user choose. */
export function ChangedUnderneathBar({
  changes,
  onKeepMine,
  onTakeTheirs,
}: {
  changes: string[];
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This resource changed since you started editing</MessageBarTitle>
        Someone else saved a change: {changes.length ? changes.join('; ') : 'settings shown on this blade'}.
        Your edits are kept until you choose: keep them on top of that change, or load theirs.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onKeepMine}>Keep my edits</Button>
        <Button onClick={onTakeTheirs}>Discard mine and load theirs</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
