import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import type { DirectoryPrincipal, PrincipalKind } from '../../arm/types/graph';

export interface PolicyRow {
  entry: AccessPolicyEntry;
  key: string;
  name: string;
  /** UPN for users, app id for applications. */
  secondary: string;
  kind: PrincipalKind | 'unknown';
}

export const groupLabels: Record<PolicyRow['kind'], string> = {
  user: 'USER',
  servicePrincipal: 'APPLICATION',
  group: 'GROUP',
  unknown: 'UNKNOWN (principal not found in this directory)',
};

export const rowKey = (e: AccessPolicyEntry) => `${e.objectId}|${e.applicationId ?? ''}`.toLowerCase();

/** Joins policies with directory names; unknown principals (deleted, other tenant) stay visible by object id. */
export function policyRows(entries: AccessPolicyEntry[], principals: DirectoryPrincipal[]): PolicyRow[] {
  return entries.map((entry) => {
    const p = principals.find((x) => x.id.toLowerCase() === entry.objectId.toLowerCase());
    return {
      entry,
      key: rowKey(entry),
      name: p?.displayName ?? entry.objectId,
      secondary: p?.secondary ?? '',
      kind: p?.kind ?? 'unknown',
    };
  });
}

export function filterRows(rows: PolicyRow[], text: string): PolicyRow[] {
  const t = text.trim().toLowerCase();
  if (!t) return rows;
  return rows.filter(
    (r) =>
      r.name.toLowerCase().includes(t) ||
      r.secondary.toLowerCase().includes(t) ||
      r.entry.objectId.toLowerCase().includes(t),
  );
}
