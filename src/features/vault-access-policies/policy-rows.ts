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
  /** `unknown`: the directory answered and does not hold it; `unresolved`: the directory could not be asked. */
  kind: PrincipalKind | 'unknown' | 'unresolved';
  /** Whether this is Microsoft's Bot Service CMEK Prod, or an application that only looks like it. */
  trust: PrincipalTrust;
  principal?: DirectoryPrincipal;
}

/** How the directory look-up of the entries' principals went. */
export type DirectoryLookup =
  { state: 'answered' } | { state: 'pending' } | { state: 'failed'; reason: string };

export function groupLabel(kind: PolicyRow['kind'], lookup: DirectoryLookup): string {
  switch (kind) {
    case 'user':
      return 'USER';
    case 'servicePrincipal':
      return 'APPLICATION';
    case 'group':
      return 'GROUP';
    case 'unknown':
      return 'UNKNOWN (principal not found in this directory)';
    case 'unresolved':
      return lookup.state === 'failed'
        ? `NOT NAMED (could not be looked up: ${lookup.reason})`
        : 'NOT NAMED YET (being looked up)';
  }
}

export const rowKey = (e: Pick<AccessPolicyEntry, 'objectId' | 'applicationId'>) =>
  `${e.objectId}|${e.applicationId ?? ''}`.toLowerCase();

/**
 * Joins policies with directory names; unknown principals (deleted, other tenant) stay visible by object id. A
 * principal the directory was not asked about (the look-up failed or has not answered) is not called unknown.
 */
export function policyRows(
  entries: AccessPolicyEntry[],
  principals: DirectoryPrincipal[],
  trustOf: (p: TrustSubject) => PrincipalTrust,
  lookup: DirectoryLookup = { state: 'answered' },
): PolicyRow[] {
  return entries.map((entry) => {
    const p = principals.find((x) => x.id.toLowerCase() === entry.objectId.toLowerCase());
    return {
      entry,
      key: rowKey(entry),
      name: p?.displayName ?? entry.objectId,
      secondary: p?.secondary ?? '',
      kind: p?.kind ?? (lookup.state === 'answered' ? 'unknown' : 'unresolved'),
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
