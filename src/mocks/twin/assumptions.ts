/**
 * Every behaviour of the twin that no source confirms (marked UNCONFIRMED in the ARM reference) is chosen here, in
 * one place. The console must not depend on any of these values: it shows status strings verbatim, reads error
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
   * Azure Resource Graph. Subscriptions in a query that the caller cannot see are left out of the answer rather than
   * refused; a page without `$top` holds 100 rows; the twin answers the `objectArray` format and a small set of query
   * shapes only (routes/resource-graph-query.ts), and serves changes at once (real Resource Graph can lag behind ARM).
   */
  resourceGraph: {
    defaultTop: 100,
    onlyObjectArray: 'The twin answers Resource Graph queries in the objectArray format only.',
    unsupportedQuery:
      'The twin understands only `resources` with `where type in~ (...)`, `project` of known columns and `order by id`.',
  },
} as const;

/** Built-in role definition ids (the same GUIDs in every subscription). */
export const builtInRoles = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'Key Vault Crypto Service Encryption User': 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  'Key Vault Administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
} as const;

export type BuiltInRoleName = keyof typeof builtInRoles;

export const supportedApiVersions: Record<string, string[]> = {
  'microsoft.botservice': ['2022-09-15', '2023-09-15-preview', '2021-05-01-preview', '2021-03-01'],
  'microsoft.keyvault': ['2025-05-01', '2026-02-01', '2024-11-01', '2023-07-01'],
  'microsoft.resources': ['2025-04-01', '2024-11-01', '2022-12-01', '2021-04-01'],
  'microsoft.authorization': ['2022-04-01', '2020-04-01-preview'],
  'microsoft.resourcegraph': ['2024-04-01', '2022-10-01', '2021-03-01'],
};
