import { keyguardDemoAppId } from '../shared/demo-token';

/**
 * Every behaviour of the twin that no source confirms (marked UNCONFIRMED in the ARM reference) is chosen here, in
 * one place. The console must not depend on these values: it shows status strings verbatim, reads error
 * messages from the envelope, and times progress from the Date header.
 */
export const assumptions = {
  /** `cmekEncryptionStatus` values. Only "Off" is observed on the wire; the rest are the twin's invention. */
  cmekStatus: {
    off: 'Off',
    encrypting: 'Encrypting',
    encrypted: 'Encrypted',
    rotating: 'Rotating',
    decrypting: 'Decrypting',
    keyInaccessible: 'KeyInaccessible',
  },
  /** Simulated duration of each encryption phase; the doc says "up to 24 hours". */
  encryptionPhaseMs: 20 * 60 * 60 * 1000,
  /**
   * What Azure Bot Service does once its key version has expired (or before it is valid) is not documented. Key Vault
   * still unwraps with such a version and refuses new wraps (date-time controlled operations), so the twin's bots keep
   * working on it and report nothing; setting such a key is refused, as the wrap it needs is.
   */
  botKeyExpiry: 'keeps working',
  /** Simulated time a provider spends in Registering / Unregistering. */
  providerTransitionMs: 5 * 60 * 1000,
  /** Default clock speed of the demo: 24 simulated hours in about 90 real seconds. */
  demoSpeed: (24 * 60 * 60) / 90,
  /**
   * Microsoft's "Bot Service CMEK Prod" application, as two public tenant exports list it (merill/microsoft-info
   * `_info/MicrosoftApps.csv`, generated from Graph by owner tenant). Each tenant gets its own service principal object
   * id, as in Azure. Not an invention; kept here so the twin does not import the console's copy.
   */
  cmekAppId: '27a762be-14e7-4f92-899c-151877d6d497',
  /** Microsoft's first-party tenant, which owns the application (`appOwnerOrganizationId`). */
  microsoftAppOwnerTenantId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  cmekDisplayName: 'Bot Service CMEK Prod',
  /** Graph's answer to creating a service principal that exists already: the code is not documented. */
  graphDuplicateCode: 'Request_MultipleObjectsWithSameKeyValue',
  /**
   * A bot whose key is out of reach: Bots_Get still answers (ARM keeps the envelope) but the encrypted
   * configuration is withheld, and every Bots_Update is refused with this code until access is restored.
   */
  keyInaccessibleCode: 'BotCmkKeyInaccessible',
  /** A PUT that leaves out msaAppType: the spec has no default; the twin reads it as multi-tenant. */
  botAppTypeWhenOmitted: 'MultiTenant' as const,
  /** The provisioning state such a bot reports (the console never reads it). */
  unreachableBotProvisioningState: 'Failed',
  /** access-policy `remove` removes the whole entry of each object id given (as `az keyvault delete-policy`). */
  accessPolicyRemoveDropsEntry: true,
  /** Unregistering a provider that still has resources in the subscription. */
  unregisterWithResourcesCode: 'Conflict',
  /** How long a purge takes and the poll interval advertised in Retry-After (seconds). */
  purgeRetryAfterSeconds: 1,
  /**
   * Azure Policy. An on-demand scan of a subscription takes this long (real scans take minutes, undocumented); states
   * exist only after a scan (Azure also evaluates about 5 minutes after an assignment and every 24 hours); a Deny
   * assignment refuses writes at once (Azure may take up to about 30 minutes to start enforcing).
   */
  policy: { scanMs: 3 * 60 * 1000, scanRetryAfterSeconds: 2 },
  /**
   * Azure Resource Graph. Subscriptions in a query that the caller cannot see are left out of the answer rather than
   * refused; the twin answers the `objectArray` format, a documented subset of the query language (rules/kql), and
   * serves changes at once (real Resource Graph can lag behind ARM). Its quota is the documented example, 15 queries
   * per 5-second window per user ("subject to change"), counted on the twin's clock; whether a 429 sends Retry-After
   * is not confirmed, so the twin sends only the quota headers.
   */
  resourceGraph: {
    onlyObjectArray: 'The twin answers Resource Graph queries in the objectArray format only.',
    quota: { queries: 15, windowMs: 5_000 },
  },
  /**
   * Azure's records of changes. The Activity log keeps 90 days (documented) and pages its answer (page size not
   * documented); Resource Graph keeps change records 14 days (documented) and shows them within minutes (the twin: at
   * once). Which resource id the Activity log gives an access-policy update is not recorded: the twin gives the
   * vault's. Resource Graph's `clientType` for a client it does not recognise is `Unknown` (documented); how it
   * recognises a client is not, so the twin reads the User-Agent below. Volatile properties (status, etag) make no
   * change record, and `changedByType` is `User` or `Application`.
   */
  history: {
    activityLogPageSize: 50,
    /**
     * The Activity log shows an operation some minutes after it ran (Azure gives no figure the references record; a
     * few minutes is what admins see). The twin shows each event three simulated minutes after it.
     */
    activityLogDelayMs: 3 * 60_000,
    activityLogTooOld: 'The start time of the query cannot be older than 90 days.',
    activityLogBadFilter:
      "The $filter is not valid. It must be eventTimestamp ge '…' and eventTimestamp le '…', optionally followed by one clause on resourceGroupName, resourceUri, resourceProvider or correlationId.",
    clientTypes: [
      { userAgent: /AZURECLI/i, clientType: 'Azure CLI' },
      { userAgent: /AzurePowershell/i, clientType: 'Azure PowerShell' },
      { userAgent: /Terraform/i, clientType: 'Terraform' },
    ],
    untrackedProperties: [
      'etag',
      'systemData',
      'properties.cmekEncryptionStatus',
      'properties.provisioningState',
    ],
    /** The client id Keyguard signs in with in the demo (a live deployment has its own app registration). */
    keyguardDemoAppId,
  },
  /**
   * Key Vault's audit log. How often Azure Bot Service unwraps its key is not documented: the twin logs one unwrap an
   * hour per bot and key in use, counted per day, and one wrap on each change of key. Its caller address is invented.
   * Logs reach the workspace within 10 minutes (documented; the twin: at once). What Key Vault writes for a call its
   * firewall refused (IsAddressAuthorized false) follows the AZKVAuditLogs columns; the twin writes it. Diagnostic
   * settings: a workspace must exist in the twin; storage accounts, event hubs and partner solutions are not modelled,
   * so their ids are taken as given. The messages of the settings' refusals (no sink, a sink reused, more than five)
   * are recalled, not recorded.
   */
  keyUse: {
    unwrapEveryMs: 60 * 60 * 1000,
    botServiceCallerIp: '20.42.73.18',
    workspaceRetentionDays: 30,
  },
  /**
   * Key Vault's data plane. The gateway's outbound address is invented (a real one depends on the deployment). The
   * api-versions are the tags the keys readme lists (7.5, 7.6, 2025-07-01) and the older ones the recorded nextLinks
   * still carry. A key that never had a rotation policy reports one Notify action 30 days before expiry (the documented
   * Notify default). Which inner code Key Vault sends for a missing access-policy permission today is unconfirmed
   * (ForbiddenByPolicy, older AccessDenied): the twin sends ForbiddenByPolicy.
   */
  keyVault: {
    gatewayIp: '20.50.2.7',
    /**
     * The demo deployment runs its gateway on a virtual network (Functions with VNet integration) whose private
     * endpoints to the vaults it is meant to reach are in this resource group; a vault without one sees the shared
     * outbound address above, which no scenario's firewall lists.
     */
    gatewayNetwork: '/subscriptions/8f2c1a3e-5b7d-4e9f-a1c3-2d4e6f8a0b1c/resourceGroups/rg-keyguard-network',
    dataPlaneApiVersions: ['7.0', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '2025-07-01'],
    defaultNotifyBeforeExpiry: 'P30D',
    pageSize: 25,
    maxBodyBytes: 65_536,
    /**
     * Deleting and recovering a key are long-running: the SDKs poll until the deleted (or recovered) key reads back.
     * How long they take is not documented; the twin takes a few simulated seconds.
     */
    deleteTakesMs: 3_000,
    recoverTakesMs: 3_000,
    /**
     * Key Vault's refusals of a token (401 Unauthorized with its challenge). The audience and issuer messages are
     * recorded (rules/key-vault-token.ts); these three are not, so their wording is the twin's. Lifetimes are checked
     * on the wall clock, not the twin's: the twin's clock runs fast for Azure's long processes, while the browser's
     * token cache renews on the real one. The skew is the five minutes Microsoft's token validation allows.
     */
    tokens: {
      notAToken: 'The bearer token could not be read: it is not a JSON Web Token.',
      expired: 'The access token has expired.',
      notYetValid: 'The access token is not valid yet.',
      clockSkewSeconds: 300,
    },
  },
  /** Log Analytics query API errors: codes recalled from its answers, not in the reference. */
  logAnalytics: {
    unsupportedQuery: 'The twin answers only the query Keyguard sends for key usage.',
  },
  /**
   * Azure Monitor and Event Grid: what no source records. Validation failures answer ARM's BadRequest with a message
   * of the twin's own; an action group a rule names must exist; Event Grid's long-running writes finish at once
   * (provisioningState Succeeded in the first answer); a second system topic for one source is refused.
   */
  alerting: {
    refusalCode: 'BadRequest',
    actionGroupsMustExist: true,
    eventGridProvisionsAtOnce: true,
    oneSystemTopicPerSource: true,
    /** KeyNearExpiry's default lead (the rotation policy's Notify can change it; the twin keeps the default). */
    nearExpiryMs: 30 * 24 * 60 * 60 * 1000,
    /** The Alerts API's monitorService for an Event Grid MonitorAlert: not recorded anywhere Keyguard could read. */
    eventGridMonitorService: 'Event Grid',
  },
} as const;

/**
 * Every error code the twin answers, and where it comes from. `documented`: a source records Azure answering it (the
 * reference files name them). `invented`: no source says what Azure answers there; the reason the twin uses it. The
 * twin refuses to answer a code missing here (twin.ts), and a test fails when console code branches on an invented one.
 * @internal Read by the test that checks the twin's codes.
 */
export const errorCodes = {
  documented: {
    AuthorizationFailed: 'ARM, a caller without the RBAC action (arm-reference §1.2)',
    Authorization_RequestDenied: 'Microsoft Graph, insufficient privileges',
    BadRequest: 'ARM and Key Vault, a request the service refuses (arm-reference §1.2)',
    ConflictError: 'Key Vault, a vault name held by a deleted vault (azure-cli#29115)',
    ForbiddenByFirewall: 'Key Vault, a client address the firewall does not admit (keys reference §1.3)',
    ForbiddenByPolicy: 'Key Vault, an access policy without the permission (keys reference §1.3)',
    ForbiddenByRbac: 'Key Vault, an RBAC vault without the data action (keys reference §1.3)',
    ForbiddenByConnection: 'Key Vault, public network access disabled (keys reference §1.3)',
    Unauthorized: 'Key Vault, a request without a bearer token, with its challenge (keys reference §1.1)',
    BadGateway:
      'Keyguard’s own Key Vault gateway when Key Vault’s answer could not be passed on (unreachable, redirect, too large: api/src/gateway.ts)',
    GatewayTimeout:
      'Keyguard’s own Key Vault gateway when Key Vault took longer than 30 s (api/src/gateway.ts)',
    GatewayRefused:
      'Keyguard’s own Key Vault gateway refusing a request it does not forward (api/src/gateway.ts)',
    KeyNotFound:
      'Key Vault, a key or version that does not exist (keys reference §1.3); the twin’s Bot Service refusal of a missing key version reuses it',
    KeyDisabled:
      'Key Vault, an operation on a disabled key (keys reference §1.3, user-observed); the twin’s Bot Service refusal reuses it',
    Conflict:
      'Key Vault, a key name held by a deleted key or one being recovered (keys reference §1.3); also its refusal to purge a purge-protected vault',
    ObjectIsDeletedButRecoverable:
      'Key Vault, creating a key whose name a deleted key holds (keys reference §1.3)',
    ObjectIsBeingRecovered: 'Key Vault, a key being recovered (keys reference §1.3)',
    InternalServerError: 'ARM, a 500',
    InvalidApiVersionParameter: 'ARM, an api-version the endpoint does not serve (fleet-posture §4)',
    InvalidQuery: 'Azure Resource Graph, a query it cannot run',
    ParserFailure:
      'Azure Resource Graph, the detail of a query it cannot parse, with the token at fault (Azure/aztfexport#485)',
    DisallowedLogicalTableName: 'Azure Resource Graph, a table it does not serve (Azure/azqr#847)',
    RateLimiting:
      'Azure Resource Graph, its quota spent (guidance-for-throttled-requests; azure-cli-extensions#3325)',
    InvalidRequestContent: 'ARM, a body that cannot be deserialized',
    InvalidResourceNamespace: 'ARM, an unknown provider namespace',
    InvalidResourceType: 'ARM, a path no provider serves',
    InvalidRoleAssignmentId: 'Microsoft.Authorization, a role assignment name that is no GUID',
    MissingApiVersionParameter: 'ARM, a request without api-version',
    MissingSubscriptionRegistration: 'ARM, an unregistered namespace (arm-reference §1.2)',
    PolicyParameterValueNotAllowed:
      'Azure Policy, a parameter value outside allowedValues (salesforce/cloud-guardrails#53, quoting Azure)',
    PrincipalNotFound: 'Microsoft.Authorization, a principal id the directory does not know',
    Request_BadRequest: 'Microsoft Graph, a request it refuses',
    Request_ResourceNotFound: 'Microsoft Graph, an object that does not exist',
    Request_UnsupportedQuery: 'Microsoft Graph, a $filter it does not support',
    ResourceGroupNotFound: 'ARM (arm-reference §1.2)',
    ResourceNotFound: 'ARM (arm-reference §1.2)',
    RequestDisallowedByPolicy:
      'ARM, a write a Deny policy assignment refuses (MicrosoftDocs/SupportArticles-docs error-code-requestdisallowedbypolicy.md)',
    RoleAssignmentExists: 'Microsoft.Authorization, the same assignment under another name',
    RoleDefinitionDoesNotExist: 'Microsoft.Authorization, an unknown role definition',
    ServiceUnavailable: 'ARM, a 503',
    UnsupportedCondition:
      'Azure Monitor, an Activity log alert conditioned on category alone (Azure/azure-cli#8732; alerts-and-charts §3)',
    SubscriptionNotFound: 'ARM, an unknown subscription',
    SubscriptionRequestsThrottled: 'ARM throttling (arm-reference §1.2)',
    BadArgument: 'Direct Line 3.0, an unknown conversation',
    BotError: 'Direct Line 3.0, the bot failed to answer',
    Forbidden: 'Direct Line 3.0, a secret it does not accept',
  },
  invented: {
    BotCmkKeyInaccessible:
      'A change to a bot whose key is out of reach: Azure Bot Service’s answer is not documented.',
    InvalidBotData: 'A bot property Azure Bot Service refuses: its code is not documented.',
    InvalidKeyVaultKeyUrl: 'Azure Bot Service’s refusal of a malformed key URL is not documented.',
    KeyVaultNotFound: 'Azure Bot Service’s refusal of a key in a vault it cannot find is not documented.',
    KeyVaultTenantMismatch: 'Azure Bot Service’s refusal of a vault of another tenant is not documented.',
    KeyVaultSoftDeleteNotEnabled:
      'Azure Bot Service’s refusal of a vault without soft delete is not documented.',
    KeyVaultPurgeProtectionNotEnabled: 'Its refusal of a vault without purge protection is not documented.',
    BotServiceNotRegistered:
      'Its refusal when the vault’s subscription lacks Microsoft.BotService is not documented.',
    KeyVaultFirewallBlocked: 'Its refusal when the vault firewall stops it is not documented.',
    KeyVaultAccessForbidden: 'Its refusal when Bot Service CMEK Prod lacks access is not documented.',
    KeyNotYetValid: 'Its refusal of a key before its activation date is not documented.',
    KeyExpired: 'Its refusal of an expired key is not documented.',
    PolicySetDefinitionNotFound:
      'Azure Policy, an initiative id that does not exist: recalled from its answers, not recorded.',
    SemanticError:
      'Log Analytics, a query naming a table the workspace does not have: the nested codes are recalled, not recorded.',
    SEM0100: 'Log Analytics, the detail of a table that cannot be resolved: recalled, not recorded.',
    KeyOutsideValidity:
      'Key Vault’s inner code when it refuses to wrap, encrypt or sign with a version outside exp/nbf is not recorded.',
    KeyTypeNotSupported: 'Its refusal of a non-RSA key is not documented.',
    KeyOperationNotPermitted: 'Its refusal of a key without wrap and unwrap is not documented.',
    BadParameter:
      'Key Vault’s code for a request it refuses as malformed is unconfirmed (keys reference §1.3).',
    Throttled:
      'Key Vault throttles with 429 (keys reference §1.3); its error code is recalled, not recorded.',

    MethodNotAllowed: 'What ARM answers for a method a path does not serve is not recorded.',
    Request_MultipleObjectsWithSameKeyValue:
      'Graph’s answer to creating a principal that exists is not recorded.',
    InsufficientAccessError:
      'Log Analytics, a caller without read access to the workspace: recalled from its answers, not recorded.',
    WorkspaceNotFoundError: 'Log Analytics, an unknown workspace id: recalled, not recorded.',
    BadArgumentError: 'Log Analytics, a query it cannot run: recalled, not recorded.',
  },
} as const;

export type DeclaredErrorCode = keyof typeof errorCodes.documented | keyof typeof errorCodes.invented;

export function isDeclaredErrorCode(code: string): code is DeclaredErrorCode {
  return code in errorCodes.documented || code in errorCodes.invented;
}
