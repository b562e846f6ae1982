import { firedAlerts, type FiredAlert } from '../rules/alert-evaluation';
import { accessChecker } from '../rules/authorization';
import { fail } from '../rules/errors';
import { requireSubscription, type TwinContext } from './context';
import { json, page, type Router } from './http';

const ranges: Record<string, number> = {
  '1h': 3_600_000,
  '1d': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

function alertJson(sub: string, a: FiredAlert) {
  const target = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)/i.exec(
    a.targetResource,
  );
  return {
    id: `/subscriptions/${sub}/providers/Microsoft.AlertsManagement/alerts/${a.id}`,
    type: 'Microsoft.AlertsManagement/alerts',
    name: a.ruleName,
    properties: {
      essentials: {
        severity: a.severity,
        signalType: a.signalType,
        alertState: 'New',
        monitorCondition: a.monitorCondition,
        monitorService: a.monitorService,
        targetResource: a.targetResource,
        targetResourceName: target?.[3] ?? '',
        targetResourceGroup: target?.[1] ?? '',
        targetResourceType: target?.[2] ?? '',
        sourceCreatedId: a.id,
        alertRule: a.ruleId,
        startDateTime: new Date(a.startMs).toISOString(),
        lastModifiedDateTime: new Date(a.resolvedMs ?? a.startMs).toISOString(),
        ...(a.resolvedMs ? { monitorConditionResolvedDateTime: new Date(a.resolvedMs).toISOString() } : {}),
        lastModifiedUserName: 'System',
        description: a.description ?? '',
      },
    },
  };
}

/**
 * Azure Monitor's Alerts API (Microsoft.AlertsManagement Alerts_GetAll): what the rules fired, by the subscription of
 * the resource each alert is about, filtered by target resource, rule, condition and time range (1d by default).
 */
export function registerFiredAlertRoutes(router: Router, ctx: TwinContext): void {
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.AlertsManagement/alerts',
    ({ req, params, now }) => {
      requireSubscription(ctx, params.sub);
      const q = req.url.searchParams;
      const range = q.get('timeRange') ?? '1d';
      if (!(range in ranges)) fail(400, 'BadRequest', `timeRange '${range}' is not one of 1h, 1d, 7d, 30d.`);
      const readable = accessChecker(ctx.world, 'read');
      const same = (a: string, b: string | null) => b === null || a.toLowerCase() === b.toLowerCase();
      const list = firedAlerts(ctx.world, now)
        .filter((a) =>
          a.targetResource.toLowerCase().startsWith(`/subscriptions/${params.sub.toLowerCase()}/`),
        )
        .filter((a) => (a.resolvedMs ?? now) >= now - ranges[range]! || a.startMs >= now - ranges[range]!)
        .filter((a) => same(a.targetResource, q.get('targetResource')) && same(a.ruleId, q.get('alertRule')))
        .filter((a) => same(a.monitorCondition, q.get('monitorCondition')))
        .filter((a) => readable(a.targetResource))
        .map((a) => alertJson(params.sub, a));
      return page(req, list, 100);
    },
  );
  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.AlertsManagement/alerts/:id',
    ({ params, now }) => {
      requireSubscription(ctx, params.sub);
      const a = firedAlerts(ctx.world, now).find((x) => x.id === params.id.toLowerCase());
      return a
        ? json(200, alertJson(params.sub, a))
        : fail(404, 'ResourceNotFound', `The alert '${params.id}' could not be found.`);
    },
  );
}
