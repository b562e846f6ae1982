import { Button, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { CheckState, FixId, ReadinessCheck } from '../../domain/readiness/types';
import { useBlade } from '../../portal/blade/blade-context';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { StatusIcon, type StatusKind } from '../../portal/status-icon';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import type { Readiness } from './use-readiness';
import { useReadinessFixes } from './use-readiness-fixes';
import { FixAsCode } from './fix-as-code';

// The dialog loads when first opened: it is not part of showing the blade.
const AuditTrailDialog = lazy(() => import('./audit-trail-dialog'));

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '24px 1fr auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  failed: { color: tokens.colorStatusDangerForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const stateLabel: Record<CheckState, string> = {
  passed: 'Passed',
  failed: 'Failed',
  warning: 'Warning',
  unknown: 'Unknown',
};
const fixLabel: Record<FixId, string> = {
  'purge-protection': 'Turn on purge protection',
  'register-provider': 'Register Microsoft.BotService',
  'create-principal': 'Create the service principal',
  'access-policy': 'Add the access policy',
  'role-assignment': 'Assign the role',
  'firewall-bypass': 'Allow trusted Microsoft services',
  'audit-trail': 'Send the audit log to a workspace…',
};

const stateKind: Record<CheckState, StatusKind> = {
  passed: 'success',
  failed: 'error',
  warning: 'warning',
  unknown: 'unknown',
};

/** The CMK readiness check: every prerequisite of the doc for the chosen key, with one-click fixes where Azure allows. */
export function ReadinessPanel({
  readiness,
  headingLevel = 2,
}: {
  readiness: Readiness;
  headingLevel?: 2 | 3;
}) {
  const styles = useStyles();
  const blade = useBlade();
  const fixes = useReadinessFixes(readiness.vaultId);
  const [confirmPurge, setConfirmPurge] = useState(false);
  const [auditOpen, setAuditOpen] = useState(false);
  const [fixError, setFixError] = useState<string>();
  const { failed, unknown, warnings } = readiness.summary;
  const run = (fix: FixId) => {
    setFixError(undefined);
    fixes
      .run(fix)
      .then(readiness.recheck, (e: unknown) => setFixError(e instanceof Error ? e.message : String(e)));
  };
  // A warning (a key near expiry, no audit log kept) is neither a pass nor a failure: it is counted on its own.
  const passed = readiness.checks.length - failed.length - unknown.length - warnings.length;
  const warned = warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : '';
  const summary =
    readiness.checks.length === 0
      ? 'Enter or select a valid key to check it.'
      : failed.length === 0 && unknown.length === 0
        ? `All ${passed} checks passed${warned}.`
        : `${failed.length} failed, ${unknown.length} unknown, ${passed} passed${warned}.`;
  return (
    <section aria-labelledby="readiness-title">
      <div className={styles.header}>
        <Text as={headingLevel === 2 ? 'h2' : 'h3'} id="readiness-title" weight="semibold" size={400}>
          CMK readiness
        </Text>
        <Text role="status" aria-live="polite">
          {summary}
        </Text>
        {readiness.checking && <Spinner size="tiny" label="Checking…" />}
        <Button size="small" disabled={readiness.checks.length === 0} onClick={readiness.recheck}>
          Check again
        </Button>
      </div>
      {fixError && (
        <Text role="alert" className={styles.failed}>
          The fix did not go through: {fixError}
        </Text>
      )}
      <ul className={styles.list} aria-label="Readiness checks">
        {readiness.checks.map((c: ReadinessCheck) => (
          <li key={c.id} className={styles.item} aria-label={`${c.label}: ${stateLabel[c.state]}`}>
            <StatusIcon kind={stateKind[c.state]} label={stateLabel[c.state]} />
            <div>
              <Text weight="semibold" block>
                {c.label}
              </Text>
              <Text size={200}>{c.reason}</Text>
              {c.state === 'failed' && c.fix && c.fix !== 'audit-trail' && readiness.vaultId && (
                <FixAsCode
                  fix={c.fix}
                  label={fixLabel[c.fix]}
                  vaultId={readiness.vaultId}
                  principalObjectId={readiness.principalObjectId}
                />
              )}
            </div>
            <div className={styles.actions}>
              {(c.state === 'failed' || c.state === 'warning') && c.fix && (
                <Button
                  size="small"
                  appearance={c.state === 'failed' ? 'primary' : 'secondary'}
                  disabled={fixes.busy}
                  onClick={() =>
                    c.fix === 'purge-protection'
                      ? setConfirmPurge(true)
                      : c.fix === 'audit-trail'
                        ? setAuditOpen(true)
                        : run(c.fix as FixId)
                  }
                >
                  {fixLabel[c.fix]}
                </Button>
              )}
              {c.state !== 'passed' && c.blade && (
                <RouterLink href={resourceHash(c.blade.resourceId, c.blade.blade, blade.tenant)}>
                  Open {c.blade.label}
                </RouterLink>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirmPurge}
        title={`Turn on purge protection for ${readiness.vault?.name ?? 'the key vault'}?`}
        confirmLabel="Turn on purge protection"
        danger
        onCancel={() => setConfirmPurge(false)}
        onConfirm={() => (setConfirmPurge(false), run('purge-protection'))}
      >
        This is irreversible: nobody, including Microsoft, can turn purge protection off again, and deleted
        vaults and keys stay in the deleted state for the whole retention period.
      </ConfirmDialog>
      {readiness.vaultId && auditOpen && (
        <Suspense fallback={null}>
          <AuditTrailDialog
            vaultId={readiness.vaultId}
            open={auditOpen}
            onClose={() => setAuditOpen(false)}
            onDone={readiness.recheck}
          />
        </Suspense>
      )}
      <Link
        href="https://learn.microsoft.com/azure/bot-service/bot-service-encryption"
        target="_blank"
        rel="noreferrer"
      >
        Learn more about Azure Bot Service encryption
      </Link>
    </section>
  );
}
