import { contoso } from './fixtures';

/** Every blade of the console: scenario, resource, blade, heading. */
export const blades: [string, string, string | undefined, string][] = [
  ['encrypted', contoso.botId, undefined, 'contoso-support-bot | Overview'],
  ['fresh', contoso.vaultId, undefined, 'kv-contoso-cmk | Overview'],
  ['fresh', contoso.keysSubId, undefined, 'Contoso Security | Overview'],
  ['encrypted', contoso.botId, 'encryption', 'contoso-support-bot | Encryption'],
  ['encrypted', contoso.botId, 'cmkreadiness', 'contoso-support-bot | CMK readiness'],
  ['fresh', contoso.vaultId, 'properties', 'kv-contoso-cmk | Properties'],
  ['fresh', contoso.vaultId, 'networking', 'kv-contoso-cmk | Networking'],
  ['fresh', contoso.vaultId, 'accesspolicies', 'kv-contoso-cmk | Access policies'],
  ['rbac', contoso.vaultId, 'iam', 'kv-contoso-cmk | Access control (IAM)'],
  ['fresh', contoso.keysSubId, 'resourceproviders', 'Contoso Security | Resource providers'],
  ['fresh', contoso.vaultId, 'accesspolicies/create', 'kv-contoso-cmk | Create an access policy'],
  ['encrypted', contoso.botId, 'iam', 'contoso-support-bot | Access control (IAM)'],
  ['encrypted', contoso.botId, 'testinwebchat', 'contoso-support-bot | Test in Web Chat'],
  ['fresh', contoso.keysSubId, 'resources', 'Contoso Security | Resources'],
  ['encrypted', contoso.botId, 'activitylog', 'contoso-support-bot | Activity log'],
  ['revoked', contoso.vaultId, 'activitylog', 'kv-contoso-cmk | Activity log'],
  ['encrypted', contoso.keysSubId, 'activitylog', 'Contoso Security | Activity log'],
  ['encrypted', contoso.vaultId, 'diagnosticsettings', 'kv-contoso-cmk | Diagnostic settings'],
  ['revoked', contoso.vaultId, 'keyusage', 'kv-contoso-cmk | Key usage'],
  ['encrypted', contoso.vaultId, 'keys', 'kv-contoso-cmk | Keys'],
  ['encrypted', contoso.vaultId, 'keys/bot-cmk-key', 'kv-contoso-cmk | Key bot-cmk-key'],
];
