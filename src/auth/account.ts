import type { AccountInfo } from '@azure/msal-browser';

/**
 * The user's object id in a directory: MSAL's tenant profile for it (a guest has another object id in each directory
 * it is invited to). Undefined when MSAL holds no profile there, never the home directory's id in its place.
 */
export function objectIdIn(a: AccountInfo, tenantId: string): string | undefined {
  const want = tenantId.toLowerCase();
  for (const profile of a.tenantProfiles?.values() ?? [])
    if (profile.tenantId.toLowerCase() === want) return profile.localAccountId || undefined;
  return a.tenantId.toLowerCase() === want ? a.localAccountId || undefined : undefined;
}
