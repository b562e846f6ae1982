import type { Bot } from '../../arm/types/bot';
import type { DeletedVault, Key, Vault } from '../../arm/types/key-vault';
import type { Provider, RoleAssignment, Subscription } from '../../arm/types/resources';
import { botKeyProblem, cmekStatusOf } from '../rules/bot-cmek';
import { assumptions } from '../store/assumptions';
import { knownProviders } from '../store/catalog';
import type {
  TwinBot,
  TwinDeletedVault,
  TwinKey,
  TwinKeyVersion,
  TwinProvider,
  TwinRoleAssignment,
  TwinRotationPolicy,
  TwinSubscription,
  TwinVault,
} from '../store/model';
import { armRotationPolicy } from './serialize-keys';
import { vaultUriOf, type World } from '../store/world';

const iso = (ms: number) => new Date(ms).toISOString();

export function botJson(world: World, bot: TwinBot, nowMs: number): Bot {
  const status = cmekStatusOf(world, bot, nowMs);
  const base = {
    id: bot.id,
    name: bot.name,
    type: 'Microsoft.BotService/botServices',
    location: bot.location,
    tags: bot.tags,
    sku: { name: bot.sku, tier: bot.sku === 'F0' ? ('Free' as const) : ('Standard' as const) },
    kind: bot.kind,
    etag: `"${bot.etag}"`,
  };
  // A bot whose key is out of reach keeps its ARM envelope, but its encrypted configuration cannot be read.
  if (botKeyProblem(world, bot, nowMs)) {
    return {
      ...base,
      properties: {
        displayName: bot.displayName,
        endpoint: null,
        msaAppId: '',
        isCmekEnabled: bot.cmek.enabled,
        cmekKeyVaultUrl: bot.cmek.keyUrl,
        cmekEncryptionStatus: status,
        provisioningState: assumptions.unreachableBotProvisioningState,
      },
    };
  }
  return {
    ...base,
    properties: {
      ...botStoredProperties(bot),
      cmekEncryptionStatus: status,
      provisioningState: 'Succeeded',
      configuredChannels: bot.configuredChannels,
      enabledChannels: bot.configuredChannels,
      ...({ isIsolated: false } as object),
    },
  };
}

/** What a bot stores and ARM reports when its configuration can be read: everything but status and channels. */
export function botStoredProperties(bot: TwinBot) {
  const set = bot.settings;
  return {
    displayName: bot.displayName,
    description: bot.description,
    iconUrl: set.iconUrl,
    endpoint: bot.endpoint,
    endpointVersion: '3.3',
    msaAppId: bot.msaAppId,
    msaAppType: bot.msaAppType,
    msaAppTenantId: bot.msaAppTenantId,
    msaAppMSIResourceId: bot.msaAppMSIResourceId,
    tenantId: bot.tenantId,
    developerAppInsightKey: set.developerAppInsightKey,
    developerAppInsightsApplicationId: set.developerAppInsightsApplicationId,
    isDeveloperAppInsightsApiKeySet: set.developerAppInsightsApiKeySet,
    luisAppIds: [...set.luisAppIds],
    schemaTransformationVersion: set.schemaTransformationVersion,
    storageResourceId: set.storageResourceId,
    manifestUrl: set.manifestUrl,
    openWithHint: set.openWithHint,
    appPasswordHint: set.appPasswordHint,
    allSettings: set.allSettings && { ...set.allSettings },
    parameters: set.parameters && { ...set.parameters },
    isCmekEnabled: bot.cmek.enabled,
    // Azure hands back an unrelated leftover here when CMK was never set (azure-rest-api-specs#15151).
    cmekKeyVaultUrl:
      bot.cmek.keyUrl ??
      'https://docs.botframework.com/static/devportal/client/images/bot-framework-default.png',
    publicNetworkAccess: set.publicNetworkAccess,
    disableLocalAuth: set.disableLocalAuth,
    isStreamingSupported: set.isStreamingSupported,
  };
}

export function vaultJson(v: TwinVault): Vault {
  return {
    id: v.id,
    name: v.name,
    type: 'Microsoft.KeyVault/vaults',
    location: v.location,
    tags: v.tags,
    systemData: {
      createdBy: 'admin@contoso.example',
      createdByType: 'User',
      createdAt: iso(v.createdAt),
      lastModifiedAt: iso(v.modifiedAt),
      lastModifiedByType: 'User',
    },
    properties: {
      tenantId: v.tenantId,
      sku: { family: 'A', name: v.sku },
      accessPolicies: v.accessPolicies.map((e) => structuredClone(e)),
      vaultUri: vaultUriOf(v),
      enabledForDeployment: v.enabledForDeployment,
      enabledForDiskEncryption: v.enabledForDiskEncryption,
      enabledForTemplateDeployment: v.enabledForTemplateDeployment,
      ...(v.enableSoftDelete ? { enableSoftDelete: true } : { enableSoftDelete: false }),
      softDeleteRetentionInDays: v.softDeleteRetentionInDays,
      enableRbacAuthorization: v.enableRbacAuthorization,
      // Azure omits enablePurgeProtection until it is turned on.
      ...(v.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
      networkAcls: structuredClone(v.networkAcls),
      privateEndpointConnections: structuredClone(v.privateEndpointConnections),
      publicNetworkAccess: v.publicNetworkAccess,
      provisioningState: 'Succeeded',
    },
  };
}

function keyProps(v: TwinVault, key: TwinKey, ver: TwinKeyVersion) {
  // ARM returns key URIs with an explicit :443 (keys.json examples).
  const keyUri = `https://${v.name}.vault.azure.net:443/keys/${key.name}`;
  return {
    attributes: {
      enabled: ver.enabled,
      ...(ver.nbf !== undefined ? { nbf: ver.nbf } : {}),
      ...(ver.exp !== undefined ? { exp: ver.exp } : {}),
      created: ver.created,
      updated: ver.updated,
      recoveryLevel: v.enablePurgeProtection
        ? 'Recoverable'
        : v.enableSoftDelete
          ? 'Recoverable+Purgeable'
          : 'Purgeable',
      exportable: false,
    },
    kty: ver.kty,
    keyOps: [...ver.keyOps],
    ...(ver.keySize ? { keySize: ver.keySize } : {}),
    ...(ver.curveName ? { curveName: ver.curveName } : {}),
    keyUri,
    keyUriWithVersion: `${keyUri}/${ver.version}`,
  };
}

export function keyJson(v: TwinVault, key: TwinKey, policy?: TwinRotationPolicy): Key {
  const current = key.versions[key.versions.length - 1] as TwinKeyVersion;
  return {
    id: `${v.id}/keys/${key.name}`,
    name: key.name,
    type: 'Microsoft.KeyVault/vaults/keys',
    location: v.location,
    tags: key.tags,
    properties: {
      ...keyProps(v, key, current),
      ...(policy ? { rotationPolicy: armRotationPolicy(policy) } : {}),
    },
  };
}

export function keyVersionJson(v: TwinVault, key: TwinKey, ver: TwinKeyVersion): Key {
  return {
    id: `${v.id}/keys/${key.name}/versions/${ver.version}`,
    name: ver.version,
    type: 'Microsoft.KeyVault/vaults/keys/versions',
    location: v.location,
    tags: key.tags,
    properties: keyProps(v, key, ver),
  };
}

export function providerJson(p: TwinProvider): Provider {
  const known = knownProviders.find((k) => k.namespace.toLowerCase() === p.namespace.toLowerCase());
  return {
    id: `/subscriptions/${p.subscriptionId}/providers/${known?.namespace ?? p.namespace}`,
    namespace: known?.namespace ?? p.namespace,
    registrationState: p.state,
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: (known?.resourceTypes ?? []).map((resourceType) => ({
      resourceType,
      locations: [],
      apiVersions: known?.apiVersions ?? [],
    })),
  };
}

export function subscriptionJson(s: TwinSubscription): Subscription {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    displayName: s.displayName,
    tenantId: s.tenantId,
    state: s.state === 'PastDue' ? 'PastDue' : s.state,
    authorizationSource: 'RoleBased',
  };
}

export function roleAssignmentJson(ra: TwinRoleAssignment): RoleAssignment {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(ra.scope)?.[1] ?? '';
  return {
    id: ra.id,
    name: ra.name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ra.roleDefinitionGuid}`,
      principalId: ra.principalId,
      principalType: ra.principalType,
      scope: ra.scope,
    },
  };
}

export function deletedVaultJson(d: TwinDeletedVault): DeletedVault {
  return {
    id: d.id,
    name: d.name,
    type: 'Microsoft.KeyVault/deletedVaults',
    properties: {
      vaultId: d.vaultId,
      location: d.location,
      deletionDate: iso(d.deletionDate),
      scheduledPurgeDate: iso(d.scheduledPurgeDate),
      tags: d.tags,
      purgeProtectionEnabled: d.purgeProtectionEnabled,
    },
  };
}
