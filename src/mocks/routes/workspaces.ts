import { accessChecker } from '../rules/authorization';
import { authorize } from './context';
import { notFound } from '../rules/errors';
import { json, page, type Router } from './http';
import type { TwinWorkspace } from '../store/model';
import { requireResourceGroup, requireSubscription, type TwinContext } from './context';

export function workspaceJson(w: TwinWorkspace) {
  return {
    id: w.id,
    name: w.name,
    type: 'Microsoft.OperationalInsights/workspaces',
    location: w.location,
    properties: {
      customerId: w.customerId,
      provisioningState: 'Succeeded',
      retentionInDays: w.retentionInDays,
      publicNetworkAccessForIngestion: 'Enabled',
      publicNetworkAccessForQuery: 'Enabled',
      sku: { name: 'PerGB2018' },
    },
  };
}

/** Log Analytics workspaces (Microsoft.OperationalInsights 2025-02-01): get one, list a subscription's. */
export function registerWorkspaceRoutes(router: Router, ctx: TwinContext): void {
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.OperationalInsights/workspaces/:ws',
    ({ params }) => {
      requireResourceGroup(ctx, params.sub, params.rg);
      const id = `/subscriptions/${params.sub}/resourceGroups/${params.rg}/providers/Microsoft.OperationalInsights/workspaces/${params.ws}`;
      authorize(ctx.world, id, 'Microsoft.OperationalInsights/workspaces/read', 'read');
      const w = ctx.world.workspaces.get(id);
      return w
        ? json(200, workspaceJson(w))
        : notFound('Microsoft.OperationalInsights/workspaces', params.ws, params.rg);
    },
  );
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.OperationalInsights/workspaces',
    ({ req, params }) => {
      requireSubscription(ctx, params.sub);
      const readable = accessChecker(ctx.world, 'read');
      const list = ctx.world.workspaces
        .inSubscription(params.sub)
        .filter((w) => readable(w.id))
        .map(workspaceJson);
      return page(req, list, 100);
    },
  );
}
