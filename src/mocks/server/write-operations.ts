/** Which Azure operation a write request is, as the Activity log names it, and which tracked resource it changes. */
export interface WriteOperation {
  operationName: string;
  /** The resource the Activity log event is about. */
  resourceId: string;
  /** A bot or vault whose change Resource Graph records (others it does not, in the twin). */
  tracked?: { kind: 'bot' | 'vault'; id: string };
}

const rg = '/subscriptions/[^/]+/resourcegroups/[^/]+';

/** The Activity log's casing of the alerting resource types. */
const alertingTypeNames: Record<string, string> = {
  actiongroups: 'Microsoft.Insights/actionGroups',
  scheduledqueryrules: 'Microsoft.Insights/scheduledQueryRules',
  activitylogalerts: 'Microsoft.Insights/activityLogAlerts',
  systemtopics: 'Microsoft.EventGrid/systemTopics',
  eventsubscriptions: 'Microsoft.EventGrid/systemTopics/eventSubscriptions',
};

interface Pattern {
  re: RegExp;
  of(m: RegExpExecArray, method: string): WriteOperation | undefined;
}

const verb = (method: string) => (method === 'DELETE' ? 'delete' : 'write');

const patterns: Pattern[] = [
  {
    re: new RegExp(`^(${rg}/providers/microsoft\\.botservice/botservices/[^/]+)$`, 'i'),
    of: (m, method) => ({
      operationName: `Microsoft.BotService/botServices/${verb(method)}`,
      resourceId: m[1]!,
      tracked: { kind: 'bot', id: m[1]! },
    }),
  },
  {
    re: new RegExp(`^(${rg}/providers/microsoft\\.keyvault/vaults/[^/]+)$`, 'i'),
    of: (m, method) => ({
      operationName: `Microsoft.KeyVault/vaults/${verb(method)}`,
      resourceId: m[1]!,
      tracked: { kind: 'vault', id: m[1]! },
    }),
  },
  {
    re: new RegExp(`^(${rg}/providers/microsoft\\.keyvault/vaults/[^/]+)/accesspolicies/[^/]+$`, 'i'),
    of: (m) => ({
      operationName: 'Microsoft.KeyVault/vaults/accessPolicies/write',
      resourceId: m[1]!,
      tracked: { kind: 'vault', id: m[1]! },
    }),
  },
  {
    re: new RegExp(`^(${rg}/providers/microsoft\\.keyvault/vaults/[^/]+/keys/[^/]+)$`, 'i'),
    of: (m) => ({ operationName: 'Microsoft.KeyVault/vaults/keys/write', resourceId: m[1]! }),
  },
  {
    re: /^(\/subscriptions\/[^/]+\/providers\/([^/]+))\/(register|unregister)$/i,
    of: (m) => ({ operationName: `${m[2]}/${m[3]!.toLowerCase()}/action`, resourceId: m[1]! }),
  },
  {
    re: /^(\/subscriptions\/[^/]+\/providers\/microsoft\.keyvault\/locations\/[^/]+\/deletedvaults\/[^/]+)\/purge$/i,
    of: (m) => ({
      operationName: 'Microsoft.KeyVault/locations/deletedVaults/purge/action',
      resourceId: m[1]!,
    }),
  },
  {
    re: /^(.+\/providers\/microsoft\.authorization\/roleassignments\/[^/]+)$/i,
    of: (m, method) => ({
      operationName: `Microsoft.Authorization/roleAssignments/${verb(method)}`,
      resourceId: m[1]!,
    }),
  },
  {
    re: /^(\/subscriptions\/[^/]+\/providers\/microsoft\.authorization\/policyassignments\/[^/]+)$/i,
    of: (m, method) => ({
      operationName: `Microsoft.Authorization/policyAssignments/${verb(method)}`,
      resourceId: m[1]!,
    }),
  },
  {
    re: /^(\/subscriptions\/[^/]+\/providers\/microsoft\.policyinsights)\/policystates\/latest\/triggerevaluation$/i,
    of: (m) => ({
      operationName: 'Microsoft.PolicyInsights/policyStates/triggerEvaluation/action',
      resourceId: m[1]!,
    }),
  },
  {
    re: /^(.+\/providers\/microsoft\.insights\/diagnosticsettings\/[^/]+)$/i,
    of: (m, method) => ({
      operationName: `Microsoft.Insights/diagnosticSettings/${verb(method)}`,
      resourceId: m[1]!,
    }),
  },
  {
    re: new RegExp(
      `^(${rg}/providers/(?:microsoft\\.insights/(actiongroups|scheduledqueryrules|activitylogalerts)|microsoft\\.eventgrid/(systemtopics)(/[^/]+/eventsubscriptions)?)/[^/]+)$`,
      'i',
    ),
    of: (m, method) => ({
      operationName: `${alertingTypeNames[(m[2] ?? (m[4] ? 'eventsubscriptions' : m[3]) ?? '').toLowerCase()]}/${verb(method)}`,
      resourceId: m[1]!,
    }),
  },
];

export function writeOperationOf(method: string, path: string): WriteOperation | undefined {
  if (method === 'GET') return undefined;
  for (const p of patterns) {
    const m = p.re.exec(path);
    if (m) return p.of(m, method);
  }
  return undefined;
}
