import { contoso } from '../scenarios/contoso-ids';

/** The demo's signed-in identity: the scenario's admin, in the Contoso tenant. */
export function demoAccount() {
  return {
    name: contoso.user.name,
    username: contoso.user.upn,
    tenantId: contoso.tenantId,
    homeTenantId: contoso.tenantId,
    objectId: contoso.user.objectId,
  };
}
