import type { CloudName } from '../arm/clouds';

/**
 * Microsoft's own "Bot Service CMEK Prod": the first-party application Azure Bot Service uses to reach a
 * customer-managed key. Its service principal's object id differs per tenant; the application id and the tenant that
 * owns the application do not.
 *
 * Security: the principal is recognised by application id AND owning tenant, never by display name. Any tenant can
 * register an application called "Bot Service CMEK Prod"; granting that one Wrap/Unwrap would hand a stranger's app
 * the customer's key.
 *
 * Source: merill/microsoft-info `_info/MicrosoftApps.csv` (added 2023-08-08; generated from Microsoft Graph with
 * `appOwnerOrganizationId eq f8cdef31-…`, Microsoft's first-party tenant), and an independent public tenant export
 * listing the same application id under the same name. Only the public cloud's is known: no source gives the id in
 * Azure US Government or Azure China, so there the console verifies nothing and grants nothing by itself.
 */
export const botServiceCmekApp: {
  displayName: string;
  byCloud: Partial<Record<CloudName, { appId: string; ownerTenantId: string }>>;
} = {
  displayName: 'Bot Service CMEK Prod',
  byCloud: {
    AzureCloud: {
      appId: '27a762be-14e7-4f92-899c-151877d6d497',
      ownerTenantId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
    },
  },
};

export interface PrincipalFacts {
  displayName?: string | null;
  appId?: string | null;
  appOwnerOrganizationId?: string | null;
}

/**
 * - `genuine`: Microsoft's application, by id and owner.
 * - `lookalike`: named like it (letters that only look alike included) or carrying its id, but not owned by Microsoft.
 * - `other`: anything else.
 */
export type PrincipalTrust = 'genuine' | 'lookalike' | 'other';

const same = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

export function principalTrust(p: PrincipalFacts, cloud: CloudName): PrincipalTrust {
  const app = botServiceCmekApp.byCloud[cloud];
  if (app && same(p.appId, app.appId))
    return same(p.appOwnerOrganizationId, app.ownerTenantId) ? 'genuine' : 'lookalike';
  return foldName(p.displayName ?? '').includes('botservicecmek') ? 'lookalike' : 'other';
}

/** Letters from other scripts that render like Latin ones (Cyrillic, Greek), and digits used as letters. */
const confusables: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ѕ: 's',
  ԁ: 'd',
  ο: 'o',
  ρ: 'p',
  κ: 'k',
  ν: 'v',
  ι: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  μ: 'm',
  τ: 't',
  χ: 'x',
  η: 'n',
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '5': 's',
};

/** A name reduced to what a reader sees: compatibility forms folded, case and spacing and punctuation dropped. */
function foldName(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKC').toLowerCase()) out += confusables[ch] ?? ch;
  return out.replace(/[^a-z]/g, '');
}

/** In plain words, why a principal named like Bot Service CMEK Prod is not trusted. */
export function lookalikeExplanation(p: PrincipalFacts): string {
  const owner = p.appOwnerOrganizationId ? `owned by tenant ${p.appOwnerOrganizationId}` : 'of unknown owner';
  return `“${p.displayName ?? ''}” (application ${p.appId ?? 'unknown'}, ${owner}) is not Microsoft’s Bot Service CMEK Prod application. Azure Bot Service never uses it, access given to it does not count, and Keyguard never grants it anything.`;
}

export interface ServicePrincipalFacts extends PrincipalFacts {
  id: string;
  displayName: string;
}

/** What the directory says about Microsoft's principal in the signed-in tenant. */
export type CmekPrincipalLookup<P extends ServicePrincipalFacts = ServicePrincipalFacts> =
  | { status: 'found'; principal: P }
  /** The tenant has no service principal for the application yet (created on first use in most tenants). */
  | { status: 'missing'; appId: string }
  /** The application id is not known for this cloud: nothing can be verified. */
  | { status: 'unverifiable' }
  /** A principal answered for the application id but is not owned by Microsoft's tenant. */
  | { status: 'untrusted'; principal: P };

export function classifyCmekLookup<P extends ServicePrincipalFacts>(
  found: P | undefined,
  cloud: CloudName,
): CmekPrincipalLookup<P> {
  const app = botServiceCmekApp.byCloud[cloud];
  if (!app) return { status: 'unverifiable' };
  if (!found) return { status: 'missing', appId: app.appId };
  return principalTrust(found, cloud) === 'genuine'
    ? { status: 'found', principal: found }
    : { status: 'untrusted', principal: found };
}

/** The object id that may be granted access, or undefined: only ever Microsoft's own principal. */
export function grantableCmekObjectId(lookup: CmekPrincipalLookup | undefined): string | undefined {
  return lookup?.status === 'found' ? lookup.principal.id : undefined;
}

/** Why nothing can be granted, when the lookup did not find Microsoft's principal. */
export function notGrantableReason(lookup: CmekPrincipalLookup): string {
  const name = botServiceCmekApp.displayName;
  switch (lookup.status) {
    case 'found':
      return '';
    case 'missing':
      return `This directory has no service principal for Microsoft’s ${name} application (${lookup.appId}) yet: create it first.`;
    case 'unverifiable':
      return `Keyguard cannot verify Microsoft’s ${name} principal in this cloud, so it grants nothing; do it in the Azure portal.`;
    case 'untrusted':
      return `The principal answering for ${name}’s application id is not owned by Microsoft, so Keyguard grants it nothing.`;
  }
}
