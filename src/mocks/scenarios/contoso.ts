import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import { ScenarioBuilder, type VaultInput } from './builder';
import { contoso } from './contoso-ids';

export { contoso } from './contoso-ids';

/** Ids the scenarios' past, the tests and the benchmark use. */
export const contosoBotId = `/subscriptions/${contoso.botsSub}/resourceGroups/${contoso.botRg}/providers/Microsoft.BotService/botServices/${contoso.botName}`;
/** Ids the scenarios' past, the tests and the benchmark use. */
export const contosoWorkspaceId = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.OperationalInsights/workspaces/${contoso.securityWorkspace.name}`;
/** Ids the scenarios' past, the tests and the benchmark use. */
export const contosoVaultId = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/${contoso.vaultName}`;

export interface ContosoOptions {
  vault: Omit<VaultInput, 'subscriptionId' | 'resourceGroup' | 'name' | 'tenantId'>;
  botServiceOnKeysSub: boolean;
  cmekPolicy: boolean;
  /** A tenant app registered as "Bot Service CMEK Prod": `directory` only, or holding the CMEK access policy too. */
  lookalike?: 'directory' | 'access-policy';
  /** The tenant never got Microsoft's Bot Service CMEK Prod principal (it is created on first use). */
  noCmekPrincipal?: boolean;
}

/** The common Contoso world: a bot in one subscription, its key vault in another, and a few other principals. */
export function buildContoso(
  name: string,
  startMs: number,
  seed: number,
  options: ContosoOptions,
): ScenarioBuilder {
  const b = new ScenarioBuilder(name, startMs, seed, {
    objectId: contoso.user.objectId,
    tenantId: contoso.tenantId,
  });
  b.tenant(contoso.tenantId, 'Contoso', contoso.domain, !options.noCmekPrincipal);
  const lookalike = options.lookalike ? b.lookalike(contoso.tenantId) : undefined;
  b.principal({
    objectId: contoso.user.objectId,
    tenantId: contoso.tenantId,
    kind: 'user',
    displayName: contoso.user.name,
    userPrincipalName: contoso.user.upn,
  });
  const others = [
    { kind: 'user' as const, displayName: 'Jordan Lee', userPrincipalName: `jordan@${contoso.domain}` },
    { kind: 'user' as const, displayName: 'Priya Natarajan', userPrincipalName: `priya@${contoso.domain}` },
    { kind: 'group' as const, displayName: 'Contoso Key Administrators' },
    { kind: 'group' as const, displayName: 'Bot Platform Team' },
    { kind: 'servicePrincipal' as const, displayName: 'contoso-ci-deployer', appId: b.guid() },
    { kind: 'servicePrincipal' as const, displayName: 'Bot Service Monitoring' },
  ];
  const ids = others.map((o) => {
    const objectId = b.guid();
    b.principal({
      objectId,
      tenantId: contoso.tenantId,
      ...o,
      appId: o.kind === 'servicePrincipal' ? ('appId' in o ? o.appId : b.guid()) : undefined,
    });
    return objectId;
  });

  b.subscription(contoso.botsSub, 'Contoso Bots (Production)', contoso.tenantId, {
    'Microsoft.BotService': 'Registered',
    'Microsoft.Web': 'Registered',
  });
  b.subscription(contoso.keysSub, 'Contoso Security', contoso.tenantId, {
    'Microsoft.BotService': options.botServiceOnKeysSub ? 'Registered' : 'NotRegistered',
  });
  b.subscription(contoso.financeSub, 'Contoso Finance', contoso.tenantId);
  b.resourceGroup(contoso.botsSub, contoso.botRg)
    .resourceGroup(contoso.keysSub, contoso.keysRg)
    .resourceGroup(contoso.financeSub, contoso.financeRg);
  b.role(contoso.user.objectId, `/subscriptions/${contoso.botsSub}`, 'Owner');
  b.role(contoso.user.objectId, `/subscriptions/${contoso.keysSub}`, 'Owner');
  b.role(contoso.user.objectId, `/subscriptions/${contoso.financeSub}`, 'Reader');
  b.workspace({
    subscriptionId: contoso.keysSub,
    resourceGroup: contoso.keysRg,
    ...contoso.securityWorkspace,
  });
  b.workspace({ subscriptionId: contoso.botsSub, resourceGroup: contoso.botRg, ...contoso.botsWorkspace });

  const adminPolicy: AccessPolicyEntry = {
    tenantId: contoso.tenantId,
    objectId: contoso.user.objectId,
    permissions: {
      keys: [
        'get',
        'list',
        'create',
        'update',
        'delete',
        'recover',
        'backup',
        'restore',
        'rotate',
        'getrotationpolicy',
        'setrotationpolicy',
      ],
      secrets: ['get', 'list', 'set'],
      certificates: ['get', 'list'],
    },
  };
  const groupPolicy: AccessPolicyEntry = {
    tenantId: contoso.tenantId,
    objectId: ids[2]!,
    permissions: { keys: ['all'], secrets: ['all'], certificates: ['all'] },
  };
  const ciPolicy: AccessPolicyEntry = {
    tenantId: contoso.tenantId,
    objectId: ids[4]!,
    permissions: { keys: [], secrets: ['get', 'list'], certificates: [] },
  };
  const vault = b.vault({
    subscriptionId: contoso.keysSub,
    resourceGroup: contoso.keysRg,
    name: contoso.vaultName,
    tenantId: contoso.tenantId,
    tags: { env: 'prod', owner: 'security' },
    ...options.vault,
    accessPolicies: [
      adminPolicy,
      groupPolicy,
      ciPolicy,
      ...(options.cmekPolicy ? [b.cmekPolicy(contoso.tenantId)] : []),
      ...(lookalike && options.lookalike === 'access-policy'
        ? [b.policyFor(contoso.tenantId, lookalike.objectId, ['get', 'wrapKey', 'unwrapKey'])]
        : []),
    ],
  });
  b.key(vault, 'bot-cmk-key', [
    { keySize: 3072, createdDaysAgo: 200 },
    { keySize: 3072, createdDaysAgo: 40, expiresInDays: 365 },
  ]);
  b.key(vault, 'bot-cmk-key-2026', [{ keySize: 4096, createdDaysAgo: 5, expiresInDays: 730 }]);
  b.key(vault, 'expiring-soon', [{ createdDaysAgo: 340, expiresInDays: 20 }]);
  b.key(vault, 'old-expired', [{ createdDaysAgo: 400, expiresInDays: -5 }]);
  b.key(vault, 'disabled-key', [{ enabled: false }]);
  b.key(vault, 'signing-ec', [{ kty: 'EC' }]);
  b.key(vault, 'rsa-sign-only', [{ keyOps: ['sign', 'verify'] }]);

  b.vault({
    subscriptionId: contoso.keysSub,
    resourceGroup: contoso.keysRg,
    name: 'kv-contoso-legacy',
    tenantId: contoso.tenantId,
    softDelete: false,
    accessPolicies: [adminPolicy],
  });
  const locked = b.vault({
    subscriptionId: contoso.keysSub,
    resourceGroup: contoso.keysRg,
    name: 'kv-contoso-locked',
    tenantId: contoso.tenantId,
    purgeProtection: true,
    firewall: 'selected',
    bypass: true,
    ipRules: ['198.51.100.0/24'],
    accessPolicies: [adminPolicy, ...(options.noCmekPrincipal ? [] : [b.cmekPolicy(contoso.tenantId)])],
  });
  b.key(locked, 'locked-cmk', [{}]);
  const finance = b.vault({
    subscriptionId: contoso.financeSub,
    resourceGroup: contoso.financeRg,
    name: 'kv-finance-payroll',
    tenantId: contoso.tenantId,
  });
  b.key(finance, 'payroll-key', [{}]);

  b.bot({
    subscriptionId: contoso.botsSub,
    resourceGroup: contoso.botRg,
    name: contoso.botName,
    tenantId: contoso.tenantId,
    displayName: 'Contoso Support Bot',
  });
  b.bot({
    subscriptionId: contoso.botsSub,
    resourceGroup: contoso.botRg,
    name: 'contoso-hr-bot',
    tenantId: contoso.tenantId,
    displayName: 'Contoso HR Assistant',
    msaAppType: 'MultiTenant',
  });
  // A bot whose app is a user-assigned managed identity, with most optional settings in use (the export must keep
  // them all, the write-only Application Insights key included).
  b.bot({
    subscriptionId: contoso.botsSub,
    resourceGroup: contoso.botRg,
    name: 'contoso-orders-bot',
    tenantId: contoso.tenantId,
    displayName: 'Contoso Orders',
    description: 'Order status and returns',
    msaAppType: 'UserAssignedMSI',
    msaAppMSIResourceId: `/subscriptions/${contoso.botsSub}/resourceGroups/${contoso.botRg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-contoso-orders-bot`,
    tags: { team: 'commerce', 'cost-center': '4711' },
    settings: {
      iconUrl: 'https://contoso.example/bots/orders.png',
      disableLocalAuth: true,
      isStreamingSupported: true,
      developerAppInsightKey: '6e0f6c8d-2f4e-4d0b-9f7a-7c1a2b3c4d5e',
      developerAppInsightsApplicationId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
      developerAppInsightsApiKeySet: true,
      schemaTransformationVersion: '1.3',
      openWithHint: 'bfcomposer://',
      parameters: { region: 'emea' },
    },
  });
  return b;
}
