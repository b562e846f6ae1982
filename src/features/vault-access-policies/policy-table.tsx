import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { PrincipalTrustBadge, LookalikeNote } from '../shared/principal-trust-badge';
import { summarize } from './permission-catalog';
import { groupLabel, type DirectoryLookup, type PolicyRow } from './policy-rows';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  th: {
    textAlign: 'left',
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
  },
  name: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'start' },
  group: {
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The portal's list: grouped by user, application and group, one checkbox per policy. */
export function PolicyTable({
  rows,
  lookup,
  selected,
  onSelect,
}: {
  rows: PolicyRow[];
  lookup: DirectoryLookup;
  selected: string[];
  onSelect(key: string, on: boolean): void;
}) {
  const styles = useStyles();
  const grouped = (['user', 'servicePrincipal', 'group', 'unknown', 'unresolved'] as const)
    .map((k) => ({ kind: k, rows: rows.filter((r) => r.kind === k) }))
    .filter((g) => g.rows.length);
  return (
    <table className={styles.table} aria-label="Access policies">
      <thead>
        <tr>
          {['Select', 'Name', 'Email or application ID', 'Key permissions', 'Secret permissions'].map((h) => (
            <th key={h} className={styles.th} scope="col">
              {h}
            </th>
          ))}
          <th className={styles.th} scope="col">
            Certificate permissions
          </th>
        </tr>
      </thead>
      {grouped.map((g) => (
        <tbody key={g.kind}>
          <tr>
            <th className={styles.group} colSpan={6} scope="colgroup">
              {groupLabel(g.kind, lookup)}
            </th>
          </tr>
          {g.rows.map((r) => (
            <tr key={r.key}>
              <td className={styles.td}>
                <Checkbox
                  aria-label={`Select ${r.name}`}
                  checked={selected.includes(r.key)}
                  onChange={(_, d) => onSelect(r.key, d.checked === true)}
                />
              </td>
              <td className={styles.td}>
                <span className={styles.name}>
                  {r.name}
                  <PrincipalTrustBadge trust={r.trust} />
                  {r.trust === 'lookalike' && (
                    <LookalikeNote principal={r.principal ?? { displayName: r.name }} />
                  )}
                </span>
              </td>
              <td className={styles.td}>{r.secondary || '—'}</td>
              <td className={styles.td}>{summarize('keys', r.entry.permissions.keys)}</td>
              <td className={styles.td}>{summarize('secrets', r.entry.permissions.secrets)}</td>
              <td className={styles.td}>{summarize('certificates', r.entry.permissions.certificates)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
