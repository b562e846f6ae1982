import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // No box of its own: the fields lay out as if the fieldset were not there.
  group: {
    display: 'contents',
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    // Fluent draws text fields and dropdowns as disabled only from their own prop: say it for them.
    '& input:disabled, & textarea:disabled, & button:disabled': {
      color: tokens.colorNeutralForegroundDisabled,
      cursor: 'not-allowed',
    },
  },
});

/**
 * Fields that cannot change while what they say is being sent: a dialog closes on success, so an edit made meanwhile
 * would be lost without a word. A native disabled fieldset disables every input, select and button inside it, for
 * the keyboard, the pointer and assistive technology alike.
 */
export function LockedWhile({ locked, children }: { locked: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    // Presentation: a grouping without a legend would be an unnamed group around the whole dialog.
    <fieldset disabled={locked} className={styles.group} role="presentation">
      {children}
    </fieldset>
  );
}
