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
import { useState } from 'react';
import type { FleetRow, Risk } from '../../domain/fleet/posture';
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
function FixLink({ risk, row, tenant }: { risk: Risk; row: FleetRow; tenant?: string }) {
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

/** The worst risk in the row, and every risk with its fix one click away. */
export function RiskCell({ row, checking, tenant }: { row: FleetRow; checking: boolean; tenant?: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (!row.cmek) return <Text>—</Text>;
  const worst = row.risks[0];
  if (!worst) return <Text>{checking ? 'Checking…' : 'None found'}</Text>;
  return (
    <span className={styles.cell}>
      <StatusIcon kind={iconKind[worst.level]} label={levelWord[worst.level]} />
      <Button
        size="small"
        appearance="transparent"
        aria-label={`Risks of ${row.name}: ${row.risks.length}, the worst: ${worst.title}`}
        onClick={() => setOpen(true)}
      >
        <span className={styles.title}>
          {worst.title}
          {row.risks.length > 1 ? ` (+${row.risks.length - 1})` : ''}
        </span>
      </Button>
      {open && (
        <Dialog open onOpenChange={(_, d) => setOpen(d.open)}>
          <DialogSurface aria-describedby={undefined}>
            <DialogBody>
              <DialogTitle>Risks of {row.name}</DialogTitle>
              <DialogContent>
                <ul className={styles.list} aria-label={`Risks of ${row.name}`}>
                  {row.risks.map((r) => (
                    <li
                      key={`${r.id}-${r.title}`}
                      className={styles.item}
                      aria-label={`${levelWord[r.level]}: ${r.title}`}
                    >
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
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => setOpen(false)}>
                  Close
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </span>
  );
}
