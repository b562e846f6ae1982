import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Cloud } from '../arm/clouds';
import { servicePrincipalsGetByAppId } from '../arm/operations/graph';
import {
  botServiceCmekApp,
  classifyCmekLookup,
  grantableCmekObjectId,
  notGrantableReason,
} from '../domain/bot-service-principal';
import { queryKeys } from './keys';

/** Microsoft's Bot Service CMEK Prod principal in a tenant, looked up by application id (never by name). */
export const cmekPrincipalQuery = (cloud: Cloud, tenantId: string) =>
  queryOptions({
    queryKey: queryKeys.graph('cmekPrincipal', cloud.name, tenantId),
    queryFn: async ({ signal }) => {
      const app = botServiceCmekApp.byCloud[cloud.name];
      const found = app ? await servicePrincipalsGetByAppId(app.appId, signal) : undefined;
      return classifyCmekLookup(found, cloud.name);
    },
    staleTime: 30 * 60_000,
  });

/**
 * Security: the only object id any grant in the console may use. It is looked up afresh right before the grant, by
 * application id and owning tenant; there is no way to pass another principal in.
 */
export async function genuineCmekPrincipalId(
  queryClient: QueryClient,
  cloud: Cloud,
  tenantId: string,
): Promise<string> {
  const lookup = await queryClient.fetchQuery({ ...cmekPrincipalQuery(cloud, tenantId), staleTime: 0 });
  const id = grantableCmekObjectId(lookup);
  if (!id) throw new Error(notGrantableReason(lookup));
  return id;
}
