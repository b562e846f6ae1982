import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { CmkRow, Risk } from '../../domain/cmk/posture';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { StatusIcon } from '../../portal/status-icon';

const useStyles = makeStyles({
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalM },
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: tokens.spacingHorizontalS },
});

const iconKind = { error: 'error', warning: 'warning', unknown: 'unknown' } as const;
const levelWord = { error: 'Problem', warning: 'Warning', unknown: 'Not checked' } as const;

/**
 * Where a risk is fixed: the bot's CMK readiness blade when it has a one-click fix there, else the blade the check
 * names, else readiness (which says what it could not check and why).
 */
function FixLink({ risk, row, tenant }: { risk: Risk; row: CmkRow; tenant?: string }) {
  if (!risk.fix && risk.blade)
    return (
      <RouterLink href={resourceHash(risk.blade.resourceId, risk.blade.blade, tenant)}>
        Fix on {risk.blade.label}
      </RouterLink>
    );
  return (
    <RouterLink href={resourceHash(row.id, 'cmkreadiness', tenant)}>
      {risk.fix ? 'Fix it in CMK readiness' : 'Open CMK readiness'}
    </RouterLink>
  );
}

/** The worst risk in the row; a click lists them all (the list lives on the page, outside the virtualized rows). */
export function RiskCell({ row, checking, onOpen }: { row: CmkRow; checking: boolean; onOpen(): void }) {
  const styles = useStyles();
  const worst = row.risks[0];
  if (!worst) return <Text>{!row.cmek ? '—' : checking ? 'Checking…' : 'None found'}</Text>;
  return (
    <span className={styles.cell}>
      <StatusIcon kind={iconKind[worst.level]} label={levelWord[worst.level]} />
      <Button
        size="small"
        appearance="transparent"
        aria-label={`Risks of ${row.name}: ${row.risks.length}, the worst: ${worst.title}`}
        onClick={onOpen}
      >
        <span className={styles.title}>
          {worst.title}
          {row.risks.length > 1 ? ` (+${row.risks.length - 1})` : ''}
        </span>
      </Button>
    </span>
  );
}

/**
 * Every risk of a bot with where to fix it. Held by the page: the row that opened it may scroll out of the rendered
 * window or move as answers arrive, and the list must stay open and current meanwhile.
 */
export function RiskDialog({ row, tenant, onClose }: { row: CmkRow; tenant?: string; onClose(): void }) {
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Risks of {row.name}</DialogTitle>
          <DialogContent>
            {row.risks.length === 0 ? (
              <Text>Nothing wrong found.</Text>
            ) : (
              <ul className={styles.list} aria-label={`Risks of ${row.name}`}>
                {row.risks.map((r, n) => (
                  <li key={n} className={styles.item} aria-label={`${levelWord[r.level]}: ${r.title}`}>
                    <StatusIcon kind={iconKind[r.level]} label={levelWord[r.level]} />
                    <span>
                      <Text weight="semibold">{r.title}</Text>
                      <br />
                      <Text>{r.reason}</Text>
                      <br />
                      <FixLink risk={r} row={row} tenant={tenant} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
