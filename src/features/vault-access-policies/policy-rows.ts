import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import type { DirectoryPrincipal, PrincipalKind } from '../../arm/types/graph';
import type { PrincipalTrust } from '../../domain/bot-service-principal';
import type { TrustSubject } from '../shared/use-principal-trust';

export interface PolicyRow {
  entry: AccessPolicyEntry;
  key: string;
  name: string;
  /** UPN for users, app id for applications. */
  secondary: string;
  kind: PrincipalKind | 'unknown';
  /** Whether this is Microsoft's Bot Service CMEK Prod, or an application that only looks like it. */
  trust: PrincipalTrust;
  principal?: DirectoryPrincipal;
}

export const groupLabels: Record<PolicyRow['kind'], string> = {
  user: 'USER',
  servicePrincipal: 'APPLICATION',
  group: 'GROUP',
  unknown: 'UNKNOWN (principal not found in this directory)',
};

export const rowKey = (e: Pick<AccessPolicyEntry, 'objectId' | 'applicationId'>) =>
  `${e.objectId}|${e.applicationId ?? ''}`.toLowerCase();

/** Joins policies with directory names; unknown principals (deleted, other tenant) stay visible by object id. */
export function policyRows(
  entries: AccessPolicyEntry[],
  principals: DirectoryPrincipal[],
  trustOf: (p: TrustSubject) => PrincipalTrust,
): PolicyRow[] {
  return entries.map((entry) => {
    const p = principals.find((x) => x.id.toLowerCase() === entry.objectId.toLowerCase());
    return {
      entry,
      key: rowKey(entry),
      name: p?.displayName ?? entry.objectId,
      secondary: p?.secondary ?? '',
      kind: p?.kind ?? 'unknown',
      trust: trustOf(p ?? { id: entry.objectId }),
      principal: p,
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
