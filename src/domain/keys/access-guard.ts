import type { CloudName } from '../../arm/clouds';
import { isArmError } from '../../arm/errors';
import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import type { PrincipalKind } from '../../arm/types/graph';
import {
  botServiceCmekApp,
  principalTrust,
  type CmekPrincipalLookup,
  type PrincipalFacts,
} from '../bot-service-principal';
import { cmekKeyPermissions } from '../cmek';

/** What Microsoft Graph said about Bot Service CMEK Prod in the signed-in tenant, or why it said nothing. */
export type CmekLookupState =
  | { state: 'answered'; lookup: CmekPrincipalLookup }
  | { state: 'pending' }
  | { state: 'failed'; reason: string };

/** Why a Graph read failed, in the words the lists and the guard use ("could not be looked up: Graph refused"). */
export function graphFailureReason(error: unknown): string {
  if (!isArmError(error)) return 'Graph could not be read';
  if (error.status === 401 || error.status === 403) return 'Graph refused';
  if (error.status === 429) return 'Graph is throttling requests';
  if (error.status === 0) return 'Graph could not be reached';
  if (error.status >= 500) return 'Graph did not answer';
  return `Graph answered ${error.status}`;
}

/** A TanStack result of the principal look-up as a state: anything but an answer is a state the guard knows. */
export function cmekLookupState(q: {
  data?: CmekPrincipalLookup;
  error?: unknown;
  isPending: boolean;
}): CmekLookupState {
  if (q.data) return { state: 'answered', lookup: q.data };
  if (q.error) return { state: 'failed', reason: graphFailureReason(q.error) };
  return { state: 'pending' };
}

/** Whose access it is, as far as Keyguard can tell. */
export type Holder =
  | { holder: 'bot-service' }
  | { holder: 'not-bot-service' }
  /** Keyguard cannot tell: it may be Microsoft's Bot Service CMEK Prod. */
  | { holder: 'unverified'; why: string };

export interface AccessSubject {
  objectId: string;
  /** The access policy's tenant, when it names one. */
  tenantId?: string;
  /** The directory's facts about the principal, when the directory answered for it. */
  facts?: PrincipalFacts & { kind?: PrincipalKind };
}

/**
 * Whether an access policy entry or role assignment is Microsoft's Bot Service CMEK Prod. It is "not" only when a
 * fact says so: the directory named it a user, a group, or an application that is not Microsoft's, or Graph found
 * Microsoft's principal in this tenant under another object id (or found none). A look-up that is pending, refused,
 * throttled or failed, another tenant's entry, or a cloud whose application id is not known leaves it unverified,
 * and the guard treats unverified access as Bot Service's own.
 */
export function holderOf(
  subject: AccessSubject,
  lookup: CmekLookupState,
  at: { cloud: CloudName; tenantId: string },
): Holder {
  const facts = subject.facts;
  if (facts) {
    const trust = principalTrust(facts, at.cloud);
    if (trust === 'genuine') return { holder: 'bot-service' };
    if (trust === 'lookalike') return { holder: 'not-bot-service' };
    if (facts.kind === 'user' || facts.kind === 'group') return { holder: 'not-bot-service' };
    if (facts.appId && botServiceCmekApp.byCloud[at.cloud]) return { holder: 'not-bot-service' };
  }
  if (subject.tenantId && subject.tenantId.toLowerCase() !== at.tenantId.toLowerCase())
    return {
      holder: 'unverified',
      why: `the entry is for tenant ${subject.tenantId}, where Keyguard did not look Bot Service CMEK Prod up`,
    };
  switch (lookup.state) {
    case 'pending':
      return { holder: 'unverified', why: 'Bot Service CMEK Prod is still being looked up' };
    case 'failed':
      return { holder: 'unverified', why: `Bot Service CMEK Prod could not be looked up: ${lookup.reason}` };
    case 'answered':
      switch (lookup.lookup.status) {
        case 'found':
          return lookup.lookup.principal.id.toLowerCase() === subject.objectId.toLowerCase()
            ? { holder: 'bot-service' }
            : { holder: 'not-bot-service' };
        case 'missing':
        case 'untrusted':
          return { holder: 'not-bot-service' };
        case 'unverifiable':
          return {
            holder: 'unverified',
            why: 'Keyguard does not know Bot Service CMEK Prod’s application id in this cloud',
          };
      }
  }
}

const permissionLabels: Record<(typeof cmekKeyPermissions)[number], string> = {
  get: 'Get',
  wrapKey: 'Wrap Key',
  unwrapKey: 'Unwrap Key',
};

function keyPermissionsOf(entry: AccessPolicyEntry | undefined): Set<string> {
  return new Set((entry?.permissions.keys ?? []).map((k) => k.toLowerCase()));
}

/** Which of Get, Wrap Key and Unwrap Key replacing `before` with `after` (undefined: deleting it) takes away. */
export function lostCmekPermissions(
  before: AccessPolicyEntry,
  after: AccessPolicyEntry | undefined,
): string[] {
  const had = keyPermissionsOf(before);
  const has = keyPermissionsOf(after);
  const holds = (set: Set<string>, p: string) => set.has('all') || set.has(p.toLowerCase());
  return cmekKeyPermissions.filter((p) => holds(had, p) && !holds(has, p)).map((p) => permissionLabels[p]);
}

/** Built-in roles known to give no key data action (Key Vault's RBAC data actions; the roles' published lists). */
const rolesWithoutKeyUse = new Set([
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', // Owner
  'b24988ac-6180-42a0-ab88-20f7382dd24c', // Contributor
  'acdd72a7-3385-48ef-bd42-f606fba81ae7', // Reader
  '18d7d88d-d35e-4fb5-a5c3-7773c6a72d9d', // User Access Administrator
  'f25e0fa2-a7c8-4377-a976-54943a77a395', // Key Vault Contributor (management plane only)
  '21090545-7ca7-4776-b22c-e363652d74d2', // Key Vault Reader (metadata, no wrap or unwrap)
  '4633458b-17de-408a-b874-0445c86b69e6', // Key Vault Secrets User
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', // Key Vault Secrets Officer
  'a4417e6f-fecd-4de8-b567-7b0420556985', // Key Vault Certificates Officer
]);

/**
 * Whether removing a role can take Get, Wrap Key or Unwrap Key from its holder on an RBAC vault. A custom role or
 * a built-in one not known to lack them is taken as giving them (the guard fails closed).
 */
export function roleMayGiveKeyUse(roleDefinitionId: string): boolean {
  const guid = roleDefinitionId.split('/').pop()?.toLowerCase() ?? '';
  return !rolesWithoutKeyUse.has(guid);
}

/** One entry or role a change takes key access from, with whose it is. */
export interface AccessRemoval {
  /** The principal's name, or its object id when the directory did not name it. */
  who: string;
  holder: Holder;
  /** What it loses (`Get`, `Unwrap Key`, or a role's name). */
  lost: string[];
}

/** The removals that could stop a bot: something Bot Service needs, taken from Bot Service or from whom it may be. */
export function removalsThatCount(removals: AccessRemoval[]): AccessRemoval[] {
  return removals.filter((r) => r.lost.length > 0 && r.holder.holder !== 'not-bot-service');
}

/** The guard's words for a holder Keyguard could not verify. */
export function unverifiedHolderText(r: AccessRemoval): string | undefined {
  if (r.holder.holder !== 'unverified') return undefined;
  return `Keyguard could not confirm who ${r.who} belongs to (${r.holder.why}); if it is Azure Bot Service, these bots stop.`;
}
