/** The Microsoft Graph directory objects the console looks up (v1.0). */
export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appOwnerOrganizationId?: string | null;
  servicePrincipalType?: string;
}

export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName?: string;
  mail?: string | null;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  mail?: string | null;
}

export type PrincipalKind = 'user' | 'group' | 'servicePrincipal';

export interface DirectoryPrincipal {
  kind: PrincipalKind;
  id: string;
  displayName: string;
  /** UPN for users, appId for service principals. */
  secondary?: string;
  appId?: string;
  /** Service principals: the tenant that owns the application. */
  appOwnerOrganizationId?: string;
}
