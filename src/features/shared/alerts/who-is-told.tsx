import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { useSession } from '../../../auth/session';
import type { ActionGroupResource } from '../../../arm/types/alerts';
import type { KeyAlertTarget } from '../../../domain/alerts/plan';
import type { Coverage, TellingRule, Watch } from '../../../domain/alerts/coverage';
import { ArmErrorBar } from '../../../portal/arm-error-bar';
import { StatusIcon, type StatusKind } from '../../../portal/status-icon';
import { useBotAlerting } from './use-bot-alerting';

const AlertSetupDialog = lazy(() =>
  import('./alert-setup-dialog').then((m) => ({ default: m.AlertSetupDialog })),
);

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '960px' },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  action: { alignSelf: 'start' },
});

const watchText: Record<Watch, string> = {
  keyFailures: 'Bot Service cannot wrap or unwrap with the key',
  vaultChanges: 'Access, firewall or purge protection of the vault changes',
  accessChanges: 'The vault’s access policies change (not its firewall or purge protection)',
  roleChanges: 'Bot Service CMEK Prod’s role given above the vault is removed',
  botChanges: 'The bot itself changes',
  keyExpiry: 'A key version nears or passes its expiry',
};

const coverageText: Record<Coverage, { kind: StatusKind; label: string; text: string }> = {
  covered: {
    kind: 'success',
    label: 'Covered',
    text: 'Someone is told when Bot Service cannot use the key, when the vault changes, and before the key expires.',
  },
  partly: { kind: 'warning', label: 'Partly covered', text: 'Some of what stops this bot tells nobody.' },
  none: { kind: 'error', label: 'Not covered', text: 'Azure tells nobody when the key fails.' },
  unknown: {
    kind: 'unknown',
    label: 'Not known',
    text: 'Keyguard could not read every alert rule, so it does not call this bot covered.',
  },
};

function RulesTable({ rules }: { rules: TellingRule[] }) {
  return (
    <Table aria-label="Alert rules that cover it" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Rule</TableHeaderCell>
          <TableHeaderCell>Kind</TableHeaderCell>
          <TableHeaderCell>Fires when</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Tells (action groups)</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rules.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.name}</TableCell>
            <TableCell>{r.kind}</TableCell>
            <TableCell>{watchText[r.watches]}</TableCell>
            <TableCell>{r.enabled ? 'Enabled' : 'Disabled'}</TableCell>
            <TableCell>
              {r.actionGroups.length === 0
                ? 'Nobody'
                : r.actionGroups
                    .map(
                      (g) =>
                        `${g.name}${g.enabled === false ? ' (disabled)' : g.enabled === undefined ? ' (not readable)' : ''}`,
                    )
                    .join(', ')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** "Who is told when this bot's key fails": the rules Azure Monitor runs for it, and one click to add the missing ones. */
export function WhoIsTold({ botId, vaultId }: { botId?: string; vaultId: string }) {
  const s = useStyles();
  const session = useSession();
  const a = useBotAlerting(botId, vaultId);
  // What the dialog plans for is fixed when it opens: a list read again meanwhile must not remount it mid-run.
  const [opened, setOpened] = useState<{ target: KeyAlertTarget; actionGroups: ActionGroupResource[] }>();
  const c = coverageText[a.coverage];
  const why = !a.appId
    ? 'Keyguard does not know Bot Service CMEK Prod’s application in this cloud.'
    : a.loading
      ? 'Reading the alert rules…'
      : !a.target
        ? 'The vault or its diagnostic settings could not be read.'
        : undefined;
  return (
    <section className={s.section} aria-labelledby="who-is-told-title">
      <Text as="h2" id="who-is-told-title" weight="semibold" size={400}>
        {botId ? 'Who is told when this bot’s key fails' : 'Who is told when a key of this vault fails'}
      </Text>
      {a.errors[0] && (
        <ArmErrorBar error={a.errors[0]} title="Some alert rules could not be read" onRetry={a.refetch} />
      )}
      {!a.loading && (
        <div className={s.line}>
          <StatusIcon kind={c.kind} label={c.label} />
          <Text>
            {c.label}. {c.text}
          </Text>
        </div>
      )}
      {a.telling.length > 0 && <RulesTable rules={a.telling} />}
      <Button
        className={s.action}
        icon={<AlertRegular />}
        disabled={why !== undefined}
        disabledFocusable={why !== undefined}
        title={why}
        onClick={() => a.target && setOpened({ target: a.target, actionGroups: a.actionGroups })}
      >
        Alert me if Azure Bot Service cannot use this key
      </Button>
      {why && !a.loading && <Text size={200}>{why}</Text>}
      <Suspense fallback={null}>
        {opened && (
          <AlertSetupDialog
            target={opened.target}
            actionGroups={opened.actionGroups}
            defaultEmail={session.account.username}
            onClose={() => setOpened(undefined)}
          />
        )}
      </Suspense>
    </section>
  );
}
