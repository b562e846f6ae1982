import { armRequest } from '../client';
import { isArmError } from '../errors';
import { listAll } from '../paging';
import type { DirectoryGroup, DirectoryPrincipal, DirectoryUser, ServicePrincipal } from '../types/graph';

const quote = (s: string) => s.replace(/'/g, "''");

const spFields = 'id,appId,displayName,appOwnerOrganizationId,servicePrincipalType';

/**
 * The service principal of an application in the signed-in tenant (`servicePrincipals(appId='…')`), or undefined when
 * the tenant has none (Graph answers 404).
 */
export async function servicePrincipalsGetByAppId(
  appId: string,
  signal?: AbortSignal,
): Promise<ServicePrincipal | undefined> {
  try {
    const r = await armRequest<ServicePrincipal>({
      method: 'GET',
      path: `/v1.0/servicePrincipals(appId='${quote(appId)}')`,
      service: 'graph',
      query: { $select: spFields },
      signal,
    });
    return r.body;
  } catch (e) {
    if (isArmError(e) && e.status === 404) return undefined;
    throw e;
  }
}

/**
 * Creates the service principal of another organisation's application in this tenant (what first use normally does).
 * Needs Application.ReadWrite.All or Directory.AccessAsUser.All, which the console's registration may not hold.
 */
export async function servicePrincipalsCreate(
  appId: string,
  signal?: AbortSignal,
): Promise<ServicePrincipal> {
  const r = await armRequest<ServicePrincipal>({
    method: 'POST',
    path: '/v1.0/servicePrincipals',
    service: 'graph',
    body: { appId },
    signal,
  });
  return r.body;
}

/** Directory search for the access-policy wizard: users, groups and service principals whose name starts with the text. */
export async function directorySearch(text: string, signal?: AbortSignal): Promise<DirectoryPrincipal[]> {
  const filter = `startswith(displayName,'${quote(text)}')`;
  const opts = { service: 'graph' as const, signal, limit: 25 };
  const [users, groups, sps] = await Promise.all([
    listAll<DirectoryUser>('/v1.0/users', {
      ...opts,
      query: { $filter: filter, $top: '25', $select: 'id,displayName,userPrincipalName,mail' },
    }),
    listAll<DirectoryGroup>('/v1.0/groups', {
      ...opts,
      query: { $filter: filter, $top: '25', $select: 'id,displayName,mail' },
    }),
    listAll<ServicePrincipal>('/v1.0/servicePrincipals', {
      ...opts,
      query: { $filter: filter, $top: '25', $select: spFields },
    }),
  ]);
  return [
    ...users.map((u): DirectoryPrincipal => ({
      kind: 'user',
      id: u.id,
      displayName: u.displayName,
      secondary: u.userPrincipalName,
    })),
    ...groups.map((g): DirectoryPrincipal => ({
      kind: 'group',
      id: g.id,
      displayName: g.displayName,
      secondary: g.mail ?? undefined,
    })),
    ...sps.map((s): DirectoryPrincipal => ({
      kind: 'servicePrincipal',
      id: s.id,
      displayName: s.displayName,
      secondary: s.appId,
      appId: s.appId,
      appOwnerOrganizationId: s.appOwnerOrganizationId ?? undefined,
    })),
  ];
}

/** Resolves object ids to principals (for showing names in the access-policy list). */
export async function directoryObjectsGetByIds(
  ids: string[],
  signal?: AbortSignal,
): Promise<DirectoryPrincipal[]> {
  if (ids.length === 0) return [];
  const r = await armRequest<{
    value: ({ '@odata.type': string } & Partial<DirectoryUser & ServicePrincipal>)[];
  }>({
    method: 'POST',
    path: '/v1.0/directoryObjects/getByIds',
    service: 'graph',
    body: { ids, types: ['user', 'group', 'servicePrincipal'] },
    signal,
    idempotent: true,
  });
  return (r.body?.value ?? []).map((o) => {
    const t = o['@odata.type'];
    const kind = t.endsWith('user') ? 'user' : t.endsWith('group') ? 'group' : 'servicePrincipal';
    return {
      kind,
      id: o.id ?? '',
      displayName: o.displayName ?? '',
      secondary: o.userPrincipalName ?? o.appId,
      appId: o.appId,
      appOwnerOrganizationId: o.appOwnerOrganizationId ?? undefined,
    };
  });
}
