export interface Provider {
  readonly id?: string;
  namespace?: string;
  /** No enum in the spec: NotRegistered, Registering, Registered, Unregistering are the values seen. */
  readonly registrationState?: string;
  readonly registrationPolicy?: string;
  readonly resourceTypes?: { resourceType?: string; locations?: string[]; apiVersions?: string[] }[];
}

export interface Subscription {
  readonly id: string;
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId?: string;
  readonly state?: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  readonly authorizationSource?: string;
}

export interface Tenant {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName?: string;
  readonly defaultDomain?: string;
  readonly domains?: string[];
  readonly tenantCategory?: 'Home' | 'ProjectedBy' | 'ManagedBy';
}

/** Microsoft.Authorization 2022-04-01. */
export interface RoleAssignment {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  properties: {
    roleDefinitionId: string;
    principalId: string;
    principalType?: 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup' | 'Device';
    readonly scope?: string;
    description?: string;
  };
}

export interface RoleDefinition {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  properties: { roleName: string; description?: string; type?: string };
}

/** Generic ARM resource as the resources list returns it. */
export interface GenericResource {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  location?: string;
  kind?: string;
  tags?: Record<string, string>;
}

/** A row of the console's Resource Graph query over bots and vaults: name, type and subscription are in the id. */
export interface GraphResource {
  readonly id: string;
  location?: string;
}

/** Resource Graph's QueryRequest (Microsoft.ResourceGraph 2024-04-01), as the console sends it. */
export interface ResourceGraphRequest {
  /** Absent: every subscription the caller can see in the token's tenant. */
  subscriptions?: string[];
  query: string;
  options: {
    resultFormat: 'objectArray';
    /** At most 1000. */
    $top?: number;
    $skipToken?: string;
    /** With a `$skipToken`, the offset of the page. */
    $skip?: number;
  };
}

/** Resource Graph's QueryResponse with `resultFormat: objectArray`. */
export interface ResourceGraphResponse<T> {
  totalRecords: number;
  count: number;
  resultTruncated: 'true' | 'false';
  $skipToken?: string;
  data: T[];
}
