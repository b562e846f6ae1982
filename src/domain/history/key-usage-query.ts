import { isArmError } from '../../arm/errors';
/**
 * The Key usage query: Bot Service CMEK Prod's wrap and unwrap calls on a vault's key, from Key Vault's audit log in a
 * Log Analytics workspace. Key Vault writes to `AZKVAuditLogs` when the diagnostic setting asks for resource-specific
 * tables and to `AzureDiagnostics` otherwise, so both are read (`isfuzzy` lets a workspace lack one of them).
 */
export interface KeyUsageScope {
  /** The vault's ARM id (`_ResourceId` in both tables). */
  vaultId: string;
  /** `https://{vault}.vault.azure.net/keys/{name}`, every version of it; undefined: every key of the vault. */
  keyUrl?: string;
  /** The caller to count: Microsoft's Bot Service CMEK Prod application. */
  appId: string;
  days: number;
}

function literal(value: string): string {
  // Ids, URLs and GUIDs hold no quotes or backslashes; refusing them keeps the query's grammar closed.
  if (/['\\\n]/.test(value)) throw new Error(`Not a value the Key usage query takes: ${value}`);
  return `'${value}'`;
}

export function keyUsageQuery(s: KeyUsageScope): string {
  if (!Number.isInteger(s.days) || s.days < 1 || s.days > 730) throw new Error('Days must be 1 to 730.');
  const app = literal(s.appId);
  const ops = "('KeyWrap', 'KeyUnwrap')";
  const keyFilter = s.keyUrl ? ` and Id startswith ${literal(`${s.keyUrl.replace(/\/+$/, '')}/`)}` : '';
  return [
    'union isfuzzy=true',
    `(AZKVAuditLogs | where TimeGenerated > ago(${s.days}d) and OperationName in ${ops} and tostring(Identity.claim.appid) == ${app}`,
    ' | project TimeGenerated, OperationName, Id, HttpStatusCode = toint(HttpStatusCode), ResultSignature, CallerIpAddress, IsAddressAuthorized = tostring(IsAddressAuthorized), IsAccessPolicyMatch = tostring(IsAccessPolicyMatch), IsRbacAuthorized = tostring(IsRbacAuthorized), ResourceId = _ResourceId),',
    `(AzureDiagnostics | where TimeGenerated > ago(${s.days}d) and ResourceProvider == 'MICROSOFT.KEYVAULT' and Category == 'AuditEvent' and OperationName in ${ops} and identity_claim_appid_g == ${app}`,
    " | project TimeGenerated, OperationName, Id = id_s, HttpStatusCode = toint(httpStatusCode_d), ResultSignature, CallerIpAddress = CallerIPAddress, IsAddressAuthorized = '', IsAccessPolicyMatch = '', IsRbacAuthorized = '', ResourceId = _ResourceId)",
    `| where ResourceId =~ ${literal(s.vaultId)}${keyFilter}`,
    '| summarize Calls = count(), Last = max(TimeGenerated) by Day = startofday(TimeGenerated), OperationName, Id, HttpStatusCode, ResultSignature, CallerIpAddress, IsAddressAuthorized, IsAccessPolicyMatch, IsRbacAuthorized',
    '| order by Day desc',
  ].join('\n');
}

/**
 * Log Analytics' answer to the key usage query in a workspace that has no Key Vault table yet: with `union
 * isfuzzy=true` a missing table is skipped, and when none of the legs resolves the query is refused with a 400. The
 * query is a fixed, valid template, so a 400 from Log Analytics means that: "no audit data yet", not a failure (logs
 * arrive within about ten minutes of the first call). Its nested codes are not documented, so none is relied on.
 */
export function noAuditTablesYet(error: unknown): boolean {
  return isArmError(error) && error.status === 400 && error.service === 'logs';
}
