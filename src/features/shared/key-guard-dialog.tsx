import { Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Verdict } from '../../domain/keys/key-guard';
import { useBlade } from '../../portal/blade/blade-context';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/**
 * The guard's confirmation, the same for every action that can stop a bot: the bots named, what happens to each,
 * the safe path, and going ahead anyway only by typing the name of what would break (the key's or the vault's).
 */
export function KeyGuardDialog({
  open,
  title,
  action,
  verdict,
  caveats = [],
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** The confirm button's words (`Disable anyway`). */
  action: string;
  verdict: Verdict;
  /** What the change takes and from whom, said before the bots (access changes). */
  caveats?: string[];
  onConfirm(): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const blade = useBlade();
  const [typed, setTyped] = useState('');
  const word = verdict.confirmWord;
  const close = (then: () => void) => () => (setTyped(''), then());
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={action}
      danger
      confirmDisabled={word !== undefined && typed !== word}
      onCancel={close(onCancel)}
      onConfirm={close(onConfirm)}
    >
      {caveats.map((c) => (
        <Text block key={c}>
          {c}
        </Text>
      ))}
      {verdict.impacts.length > 0 && (
        <>
          <Text block weight="semibold">
            {verdict.impacts.length === 1
              ? 'This bot needs it'
              : `These ${verdict.impacts.length} bots need it`}
            :
          </Text>
          <ul className={styles.list} aria-label="Bots that would stop">
            {verdict.impacts.map((i) => (
              <li key={`${i.use.botId}|${i.use.key.href}`}>
                <RouterLink href={resourceHash(i.use.botId, 'encryption', blade.tenant)}>
                  {i.use.botName}
                </RouterLink>
                <Text block size={200}>
                  {i.what}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict.unknown.length > 0 && (
        <Text block>
          Not every bot could be checked: {verdict.unknown.join(' ')} A bot that was not checked stops too if
          it needs this.
        </Text>
      )}
      {verdict.safePath.length > 0 && (
        <>
          <Text block weight="semibold">
            The safe way:
          </Text>
          <ol className={styles.list}>
            {verdict.safePath.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </>
      )}
      {word !== undefined && (
        <Field label={`Type “${word}” to go ahead anyway`}>
          <Input value={typed} onChange={(_, d) => setTyped(d.value)} autoComplete="off" />
        </Field>
      )}
    </ConfirmDialog>
  );
}
