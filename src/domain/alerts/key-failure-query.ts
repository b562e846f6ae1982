/**
 * The log search alert's query: Key Vault audit rows where Microsoft's Bot Service CMEK Prod application (by app id,
 * never by display name) failed to wrap or unwrap with one vault's keys, the key's name as a dimension. Key Vault
 * writes `AZKVAuditLogs` when the diagnostic setting asks for resource-specific tables and `AzureDiagnostics`
 * otherwise; the rule reads the table the vault's setting fills.
 */
export interface KeyFailureScope {
  vaultId: string;
  appId: string;
  resourceSpecific: boolean;
}

function literal(value: string): string {
  // Ids and GUIDs hold no quotes or backslashes; refusing them keeps the query's grammar closed.
  if (/['\\\n]/.test(value)) throw new Error(`Not a value the alert query takes: ${value}`);
  return `'${value}'`;
}

export function keyFailureQuery(s: KeyFailureScope): string {
  const app = literal(s.appId);
  const vault = literal(s.vaultId);
  const ops = "('KeyWrap', 'KeyUnwrap')";
  return (
    s.resourceSpecific
      ? [
          'AZKVAuditLogs',
          // 429s are throttling that clients retry: not a key Bot Service cannot use.
          `| where OperationName in ${ops} and toint(HttpStatusCode) >= 400 and toint(HttpStatusCode) != 429`,
          `| where tostring(Identity.claim.appid) == ${app}`,
          `| where _ResourceId =~ ${vault}`,
          "| extend KeyName = tostring(split(Id, '/')[4])",
          '| project TimeGenerated, _ResourceId, KeyName, OperationName, HttpStatusCode, ResultSignature',
        ]
      : [
          'AzureDiagnostics',
          "| where ResourceProvider == 'MICROSOFT.KEYVAULT' and Category == 'AuditEvent'",
          `| where OperationName in ${ops} and httpStatusCode_d >= 400 and httpStatusCode_d != 429`,
          // A GUID column: compared as text, whatever case Azure writes it in.
          `| where tostring(identity_claim_appid_g) =~ ${app}`,
          `| where _ResourceId =~ ${vault}`,
          "| extend KeyName = tostring(split(id_s, '/')[4])",
          '| project TimeGenerated, _ResourceId, KeyName, OperationName, httpStatusCode_d, ResultSignature',
        ]
  ).join('\n');
}
