import type { DiagnosticSettings } from '../../arm/types/monitor';
import { authorize } from './context';
import { fail, notFound } from '../rules/errors';
import { json, type Router } from './http';
import type { TwinDiagnosticSetting } from '../store/model';
import type { TwinContext } from './context';

/** Log categories per resource type (supported-logs for Microsoft.KeyVault/vaults and Microsoft.BotService). */
const catalog: Record<string, { logs: string[]; groups: Record<string, string[]> }> = {
  'microsoft.keyvault/vaults': {
    logs: ['AuditEvent', 'AzurePolicyEvaluationDetails'],
    groups: { audit: ['AuditEvent'], allLogs: ['AuditEvent', 'AzurePolicyEvaluationDetails'] },
  },
  'microsoft.botservice/botservices': { logs: ['BotRequest'], groups: { allLogs: ['BotRequest'] } },
};
const maxSettings = 5;
/** The groups every diagnostic-settings path captures (`name` is there only for one setting). */
const required = ['resource', 'ns', 'type'] as const;

const resourcePattern =
  '(?<resource>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/(?<ns>[^/]+)/(?<type>[^/]+)/[^/]+)';
const settingsPath = new RegExp(
  `^${resourcePattern}/providers/microsoft\\.insights/diagnosticSettings(?:/(?<name>[^/]+))?/?$`,
  'i',
);
const categoriesPath = new RegExp(
  `^${resourcePattern}/providers/microsoft\\.insights/diagnosticSettingsCategories/?$`,
  'i',
);

function settingJson(s: TwinDiagnosticSetting) {
  return {
    id: `${s.resourceId}/providers/microsoft.insights/diagnosticSettings/${s.name}`,
    name: s.name,
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: structuredClone(s.properties),
  };
}

const keyOf = (resourceId: string, name: string) =>
  `${resourceId}/providers/microsoft.insights/diagnosticSettings/${name}`;

function categoriesOf(p: DiagnosticSettings, known: (typeof catalog)[string]): string[] {
  const out = new Set<string>();
  for (const l of p.logs ?? []) {
    if (!l.enabled) continue;
    if (l.category) out.add(l.category);
    if (l.categoryGroup) for (const c of known.groups[l.categoryGroup] ?? []) out.add(c);
  }
  return [...out];
}

function validate(
  ctx: TwinContext,
  resourceId: string,
  type: string,
  name: string,
  body: unknown,
): DiagnosticSettings {
  const known =
    catalog[type.toLowerCase()] ??
    fail(400, 'BadRequest', `The resource type '${type}' has no diagnostic log categories.`);
  const p = (body as { properties?: DiagnosticSettings } | undefined)?.properties;
  if (!p || typeof p !== 'object') fail(400, 'BadRequest', 'The request needs properties.', 'properties');
  if (!p!.workspaceId && !p!.storageAccountId && !p!.eventHubAuthorizationRuleId && !p!.marketplacePartnerId)
    fail(400, 'BadRequest', 'At least one data sink needs to be specified.');
  if (p!.workspaceId && !ctx.world.workspaces.get(p!.workspaceId))
    fail(
      400,
      'BadRequest',
      `The Log Analytics workspace '${p!.workspaceId}' could not be found.`,
      'properties.workspaceId',
    );
  for (const l of p!.logs ?? []) {
    if (l.category && !known.logs.includes(l.category))
      fail(400, 'BadRequest', `Category '${l.category}' is not supported.`, 'properties.logs');
    if (l.categoryGroup && !(l.categoryGroup in known.groups))
      fail(400, 'BadRequest', `Category group '${l.categoryGroup}' is not supported.`, 'properties.logs');
    if (!l.category && !l.categoryGroup)
      fail(400, 'BadRequest', 'Each log setting needs a category or a category group.');
  }
  const mine = categoriesOf(p!, known);
  const others = [...ctx.world.diagnosticSettings.values()].filter(
    (s) =>
      s.resourceId.toLowerCase() === resourceId.toLowerCase() && s.name.toLowerCase() !== name.toLowerCase(),
  );
  if (others.length >= maxSettings)
    fail(400, 'BadRequest', `A resource can have at most ${maxSettings} diagnostic settings.`);
  for (const other of others) {
    const sameSink =
      p!.workspaceId && other.properties.workspaceId?.toLowerCase() === p!.workspaceId.toLowerCase();
    const shared = categoriesOf(other.properties, known).find((c) => mine.includes(c));
    if (sameSink && shared)
      fail(
        400,
        'BadRequest',
        `Data sink '${p!.workspaceId}' is already used in diagnostic setting '${other.name}' for category '${shared}'. Data sinks can't be reused in different settings on the same category for the same resource.`,
      );
  }
  return structuredClone(p!);
}

/** Diagnostic settings of bots and vaults (Microsoft.Insights, an extension resource under the resource's id). */
export function registerDiagnosticSettingsRoutes(router: Router, ctx: TwinContext): void {
  const resourceOf = (params: Readonly<Record<(typeof required)[number], string>>) => {
    const id = params.resource;
    const type = `${params.ns}/${params.type}`.toLowerCase();
    const exists =
      type === 'microsoft.keyvault/vaults'
        ? ctx.world.vaults.get(id)
        : type === 'microsoft.botservice/botservices'
          ? ctx.world.bots.get(id)
          : undefined;
    if (!exists)
      notFound(`${params.ns}/${params.type}`, id.split('/').pop()!, /resourceGroups\/([^/]+)/i.exec(id)?.[1]);
    return { id: exists!.id, type };
  };
  router.addPattern('arm', 'GET', settingsPath, required, ({ params }) => {
    const r = resourceOf(params);
    authorize(ctx.world, r.id, 'Microsoft.Insights/diagnosticSettings/read', 'read');
    const all = [...ctx.world.diagnosticSettings.values()].filter(
      (s) => s.resourceId.toLowerCase() === r.id.toLowerCase(),
    );
    const name = params.name;
    if (!name) return json(200, { value: all.map(settingJson) });
    const one = all.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return one
      ? json(200, settingJson(one))
      : fail(404, 'ResourceNotFound', `The diagnostic setting '${name}' does not exist.`);
  });
  router.addPattern('arm', 'PUT', settingsPath, required, ({ req, params }) => {
    const r = resourceOf(params);
    const name = params.name ?? fail(405, 'MethodNotAllowed', 'A diagnostic setting needs a name.');
    authorize(ctx.world, r.id, 'Microsoft.Insights/diagnosticSettings/write', 'write');
    if (!/^[^<>*%&:\\?+/]{1,260}$/.test(name))
      fail(400, 'BadRequest', `'${name}' is not a valid diagnostic setting name.`);
    const properties = validate(ctx, r.id, r.type, name, req.body);
    const setting = { resourceId: r.id, name, properties };
    ctx.world.diagnosticSettings.set(keyOf(r.id, name), setting);
    return json(200, settingJson(setting));
  });
  router.addPattern('arm', 'DELETE', settingsPath, required, ({ params }) => {
    const r = resourceOf(params);
    const name = params.name ?? fail(405, 'MethodNotAllowed', 'A diagnostic setting needs a name.');
    authorize(ctx.world, r.id, 'Microsoft.Insights/diagnosticSettings/write', 'write');
    const key = keyOf(r.id, name);
    if (!ctx.world.diagnosticSettings.get(key)) return json(204, undefined);
    ctx.world.diagnosticSettings.delete(key);
    return json(200, undefined);
  });
  router.addPattern('arm', 'GET', categoriesPath, required, ({ params }) => {
    const r = resourceOf(params);
    authorize(ctx.world, r.id, 'Microsoft.Insights/diagnosticSettingsCategories/read', 'read');
    const known = catalog[r.type]!;
    const groupsOf = (c: string) =>
      Object.entries(known.groups)
        .filter(([, cs]) => cs.includes(c))
        .map(([g]) => g);
    return json(200, {
      value: [
        ...known.logs.map((c) => ({
          id: `${r.id}/providers/microsoft.insights/diagnosticSettingsCategories/${c}`,
          name: c,
          type: 'Microsoft.Insights/diagnosticSettingsCategories',
          properties: { categoryType: 'Logs', categoryGroups: groupsOf(c) },
        })),
        {
          id: `${r.id}/providers/microsoft.insights/diagnosticSettingsCategories/AllMetrics`,
          name: 'AllMetrics',
          type: 'Microsoft.Insights/diagnosticSettingsCategories',
          properties: { categoryType: 'Metrics', categoryGroups: [] },
        },
      ],
    });
  });
}
