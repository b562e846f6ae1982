import type { World } from '../store/world';
import { compileQuery } from './kql/compile';
import { invalid, refusal, type Refusal } from './errors';

/**
 * Azure Monitor's and Event Grid's validation of the alerting resources, as pure rules: each returns the body to keep
 * or the refusal Azure answers. Limits from the shared reference (alerts-and-charts §1–4).
 */

type Body = { location?: unknown; kind?: unknown; tags?: unknown; properties?: unknown };
type Props = Record<string, unknown>;

const bad = (message: string, target?: string) => invalid('BadRequest', message, target);
const isObject = (v: unknown): v is Props => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function propertiesOf(body: unknown): Props | Refusal {
  const p = (body as Body | undefined)?.properties;
  return isObject(p) ? p : bad('The request needs properties.', 'properties');
}

function locationOf(body: unknown): string | Refusal {
  const l = (body as Body | undefined)?.location;
  return typeof l === 'string' && l.trim() ? l : bad('The location property is required.', 'location');
}

const frequencies = [
  'PT1M',
  'PT5M',
  'PT10M',
  'PT15M',
  'PT30M',
  'PT45M',
  'PT1H',
  'PT2H',
  'PT3H',
  'PT4H',
  'PT5H',
  'PT6H',
  'P1D',
];
const windows = [
  'PT5M',
  'PT10M',
  'PT15M',
  'PT30M',
  'PT45M',
  'PT1H',
  'PT2H',
  'PT3H',
  'PT4H',
  'PT5H',
  'PT6H',
  'P1D',
  'P2D',
];
const aggregations = ['Count', 'Average', 'Minimum', 'Maximum', 'Total'];
const operators = ['Equals', 'GreaterThan', 'GreaterThanOrEqual', 'LessThan', 'LessThanOrEqual'];
/** Tables a Log Analytics workspace holding Key Vault audit and Activity log data answers. */
const logTables = ['AzureDiagnostics', 'AZKVAuditLogs', 'AzureActivity', 'AzureMetrics'];

const missingGroups = (world: World, ids: unknown): Refusal | undefined => {
  if (ids === undefined) return undefined;
  if (!strings(ids)) return bad('actionGroups must be a list of action group ids.', 'properties.actions');
  const unknown = ids.find((id) => !world.actionGroups.get(id));
  return unknown ? bad(`The action group '${unknown}' could not be found.`, 'properties.actions') : undefined;
};

export function validActionGroup(body: unknown): Body | Refusal {
  const location = locationOf(body);
  if (typeof location !== 'string') return location;
  const p = propertiesOf(body);
  if (!isObject(p) || 'refused' in p) return p;
  const short = p.groupShortName;
  if (typeof short !== 'string' || !short.trim())
    return bad('groupShortName is required.', 'properties.groupShortName');
  if (short.length > 12)
    return bad(`The group short name '${short}' is longer than 12 characters.`, 'properties.groupShortName');
  if (typeof p.enabled !== 'boolean') return bad('enabled is required.', 'properties.enabled');
  const emails = p.emailReceivers ?? [];
  if (!Array.isArray(emails)) return bad('emailReceivers must be a list.', 'properties.emailReceivers');
  const names = new Set<string>();
  for (const r of emails as Props[]) {
    const name = typeof r.name === 'string' ? r.name : '';
    if (!name) return bad('Each receiver needs a name.', 'properties.emailReceivers');
    if (names.has(name.toLowerCase()))
      return bad(`The receiver name '${name}' is used twice.`, 'properties.emailReceivers');
    names.add(name.toLowerCase());
    if (typeof r.emailAddress !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.emailAddress))
      return bad(`'${String(r.emailAddress)}' is not a valid e-mail address.`, 'properties.emailReceivers');
  }
  return { location, tags: (body as Body).tags, properties: p };
}

function validCondition(c: Props, i: number): Refusal | undefined {
  const at = `properties.criteria.allOf[${i}]`;
  if (typeof c.query !== 'string' || !c.query.trim())
    return bad('Each condition needs a query.', `${at}.query`);
  const q = compileQuery(c.query, (t) => logTables.some((x) => x.toLowerCase() === t.toLowerCase()));
  if ('message' in q) return bad(`The query is not valid: ${q.message}`, `${at}.query`);
  const aggregation = c.timeAggregation;
  if (typeof aggregation !== 'string' || !aggregations.includes(aggregation))
    return bad(`timeAggregation must be one of ${aggregations.join(', ')}.`, `${at}.timeAggregation`);
  if (aggregation !== 'Count' && typeof c.metricMeasureColumn !== 'string')
    return bad(`timeAggregation ${aggregation} needs a metricMeasureColumn.`, `${at}.metricMeasureColumn`);
  if (typeof c.operator !== 'string' || !operators.includes(c.operator))
    return bad(`operator must be one of ${operators.join(', ')}.`, `${at}.operator`);
  if (typeof c.threshold !== 'number') return bad('threshold must be a number.', `${at}.threshold`);
  const periods = isObject(c.failingPeriods) ? c.failingPeriods : {};
  const n = periods.numberOfEvaluationPeriods ?? 1;
  const min = periods.minFailingPeriodsToAlert ?? 1;
  if (typeof n !== 'number' || n < 1 || n > 6 || !Number.isInteger(n))
    return bad('numberOfEvaluationPeriods must be 1 to 6.', `${at}.failingPeriods`);
  if (typeof min !== 'number' || min < 1 || min > n)
    return bad('minFailingPeriodsToAlert must be 1 to numberOfEvaluationPeriods.', `${at}.failingPeriods`);
  return undefined;
}

export function validScheduledQueryRule(world: World, body: unknown): Body | Refusal {
  const location = locationOf(body);
  if (typeof location !== 'string') return location;
  const p = propertiesOf(body);
  if (!isObject(p) || 'refused' in p) return p;
  const kind = (body as Body).kind ?? 'LogAlert';
  if (kind !== 'LogAlert' && kind !== 'LogToMetric')
    return bad(`Kind '${JSON.stringify(kind)}' is not supported.`, 'kind');
  if (!strings(p.scopes) || p.scopes.length !== 1)
    return bad('A log search alert rule needs exactly one scope.', 'properties.scopes');
  const scope = p.scopes[0]!;
  if (
    /\/providers\/microsoft\.operationalinsights\/workspaces\//i.test(scope) &&
    !world.workspaces.get(scope)
  )
    return refusal(404, 'ResourceNotFound', `The scope '${scope}' could not be found.`, 'properties.scopes');
  if (p.severity !== undefined && (typeof p.severity !== 'number' || ![0, 1, 2, 3, 4].includes(p.severity)))
    return bad('severity must be 0 to 4.', 'properties.severity');
  if (p.enabled !== undefined && typeof p.enabled !== 'boolean')
    return bad('enabled must be true or false.', 'properties.enabled');
  const frequency = p.evaluationFrequency;
  const window = p.windowSize;
  if (typeof frequency !== 'string' || !frequencies.includes(frequency))
    return bad(
      `evaluationFrequency must be one of ${frequencies.join(', ')}.`,
      'properties.evaluationFrequency',
    );
  if (
    typeof window !== 'string' ||
    !(windows.includes(window) || (window === 'PT1M' && frequency === 'PT1M'))
  )
    return bad(
      `windowSize ${String(window)} cannot be used with evaluationFrequency ${frequency}.`,
      'properties.windowSize',
    );
  if (p.autoMitigate === true && p.muteActionsDuration !== undefined)
    return bad('autoMitigate cannot be combined with muteActionsDuration.', 'properties.autoMitigate');
  const allOf = isObject(p.criteria) ? p.criteria.allOf : undefined;
  if (!Array.isArray(allOf) || allOf.length === 0)
    return bad('The criteria need at least one condition.', 'properties.criteria');
  for (const [i, c] of (allOf as unknown[]).entries()) {
    const problem = isObject(c)
      ? validCondition(c, i)
      : bad('A condition must be an object.', 'properties.criteria');
    if (problem) return problem;
  }
  const groups = missingGroups(world, isObject(p.actions) ? p.actions.actionGroups : undefined);
  if (groups) return groups;
  return {
    location,
    kind,
    tags: (body as Body).tags,
    properties: { enabled: true, autoMitigate: true, ...p },
  };
}

type Leaf = { field?: unknown; equals?: unknown; containsAny?: unknown; anyOf?: unknown };

export function validActivityLogAlert(world: World, body: unknown): Body | Refusal {
  const location = locationOf(body);
  if (typeof location !== 'string') return location;
  if (location.toLowerCase() !== 'global')
    return bad('Activity log alerts are global: the location must be Global.', 'location');
  const p = propertiesOf(body);
  if (!isObject(p) || 'refused' in p) return p;
  if (!strings(p.scopes) || p.scopes.length === 0)
    return bad('An Activity log alert needs at least one scope.', 'properties.scopes');
  const allOf = isObject(p.condition) ? p.condition.allOf : undefined;
  if (!Array.isArray(allOf) || allOf.length === 0)
    return bad('The condition needs at least one leaf condition.', 'properties.condition');
  const leaves = allOf as Leaf[];
  for (const l of leaves)
    if (
      l.anyOf === undefined &&
      (typeof l.field !== 'string' || (l.equals === undefined && l.containsAny === undefined))
    )
      return bad('Each condition needs a field and a value.', 'properties.condition');
  const onlyCategory = leaves.every(
    (l) => l.anyOf === undefined && typeof l.field === 'string' && l.field.toLowerCase() === 'category',
  );
  if (onlyCategory)
    return refusal(
      400,
      'UnsupportedCondition',
      "The condition is not supported: an alert on 'category' alone would fire on every event. Add another condition, such as operationName.",
      'properties.condition',
    );
  const actions = isObject(p.actions) ? p.actions.actionGroups : undefined;
  const ids = Array.isArray(actions) ? (actions as Props[]).map((a) => a.actionGroupId) : undefined;
  const groups = missingGroups(world, ids);
  if (groups) return groups;
  return { location: 'Global', tags: (body as Body).tags, properties: { enabled: true, ...p } };
}

const keyVaultEvents = [
  'Microsoft.KeyVault.CertificateNewVersionCreated',
  'Microsoft.KeyVault.CertificateNearExpiry',
  'Microsoft.KeyVault.CertificateExpired',
  'Microsoft.KeyVault.KeyNewVersionCreated',
  'Microsoft.KeyVault.KeyNearExpiry',
  'Microsoft.KeyVault.KeyExpired',
  'Microsoft.KeyVault.SecretNewVersionCreated',
  'Microsoft.KeyVault.SecretNearExpiry',
  'Microsoft.KeyVault.SecretExpired',
  'Microsoft.KeyVault.VaultAccessPolicyChanged',
];

export function validSystemTopic(world: World, id: string, body: unknown): Body | Refusal {
  const location = locationOf(body);
  if (typeof location !== 'string') return location;
  const p = propertiesOf(body);
  if (!isObject(p) || 'refused' in p) return p;
  const source = p.source;
  if (typeof source !== 'string') return bad('source is required.', 'properties.source');
  const vault = world.vaults.get(source);
  if (!vault) return bad(`The source '${source}' could not be found.`, 'properties.source');
  if (typeof p.topicType !== 'string' || p.topicType.toLowerCase() !== 'microsoft.keyvault.vaults')
    return bad(
      `Topic type '${String(p.topicType)}' does not match the source's type.`,
      'properties.topicType',
    );
  if (location.toLowerCase().replace(/\s/g, '') !== vault.location.toLowerCase().replace(/\s/g, ''))
    return bad(`A system topic must be in its source's region (${vault.location}).`, 'location');
  const other = [...world.systemTopics.values()].find(
    (t) =>
      String(t.properties.source).toLowerCase() === source.toLowerCase() &&
      t.id.toLowerCase() !== id.toLowerCase(),
  );
  if (other)
    return bad(
      `Only one system topic is allowed per source. '${other.name}' already carries the events of '${source}'.`,
      'properties.source',
    );
  return {
    location: vault.location,
    tags: (body as Body).tags,
    properties: { source: vault.id, topicType: 'Microsoft.KeyVault.vaults', provisioningState: 'Succeeded' },
  };
}

export function validEventSubscription(world: World, body: unknown): Body | Refusal {
  const p = propertiesOf(body);
  if (!isObject(p) || 'refused' in p) return p;
  const d = p.destination;
  if (!isObject(d) || typeof d.endpointType !== 'string')
    return bad('A destination is required.', 'properties.destination');
  const types = isObject(p.filter) ? p.filter.includedEventTypes : undefined;
  if (types !== undefined && (!strings(types) || types.some((t) => !keyVaultEvents.includes(t))))
    return bad('includedEventTypes holds an event type Key Vault does not raise.', 'properties.filter');
  if (d.endpointType === 'MonitorAlert') {
    const dp = isObject(d.properties) ? d.properties : {};
    if (typeof dp.severity !== 'string' || !/^Sev[0-4]$/.test(dp.severity))
      return bad('A MonitorAlert destination needs a severity, Sev0 to Sev4.', 'properties.destination');
    if (p.eventDeliverySchema !== 'CloudEventSchemaV1_0')
      return bad(
        'A MonitorAlert destination needs the CloudEventSchemaV1_0 delivery schema.',
        'properties.eventDeliverySchema',
      );
    const groups = missingGroups(world, dp.actionGroups);
    if (groups) return groups;
  }
  return { properties: { ...p, provisioningState: 'Succeeded' } };
}
