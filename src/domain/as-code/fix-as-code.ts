import type { CloudName } from '../../arm/clouds';
import { parseResourceId } from '../../arm/resource-id';
import type { Vault } from '../../arm/types/key-vault';
import { botServiceCmekApp } from '../bot-service-principal';
import { cmekKeyPermissions, cmekRoleDefinitionGuid } from '../cmek';
import type { FixId } from '../readiness/types';
import { auditSettingAsCode } from './audit-as-code';
import { bicepLiteral, bicepString, shellWord } from './bicep-syntax';
import { vaultBicep, vaultDeployment } from './vault-as-code';

export interface FixContext {
  cloud: CloudName;
  vaultId: string;
  /** The vault as Azure has it now (needed for a whole-vault Bicep). */
  vault?: Vault;
  /** Microsoft's Bot Service CMEK Prod in this tenant, when it exists. */
  principalObjectId?: string;
  /** The audit-trail fix: the workspace chosen, and a setting name free on the vault. */
  workspaceId?: string;
  auditSettingName?: string;
}

export interface AsCode {
  cli: string;
  /** Undefined when Bicep cannot express it; `bicepNote` says why. */
  bicep?: string;
  bicepNote?: string;
}

/**
 * A readiness fix as the Azure CLI commands and Bicep that do the same thing. Access is only ever given to Microsoft's
 * principal: its object id when known, else looked up by Microsoft's application id, never by name.
 */
export function fixAsCode(fix: FixId, ctx: FixContext): AsCode {
  const id = parseResourceId(ctx.vaultId);
  const vaultName = id?.name ?? '<vault>';
  const rg = id?.resourceGroup ?? '<resource-group>';
  const sub = id?.subscriptionId ?? '<subscription>';
  const app = botServiceCmekApp.byCloud[ctx.cloud];
  const vaultArgs = `--name ${shellWord(vaultName)} --resource-group ${shellWord(rg)}`;
  const objectIdCli =
    ctx.principalObjectId ??
    (app ? `$(az ad sp show --id ${app.appId} --query id --output tsv)` : '<object id>');
  const existingVault = `resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {\n  name: ${bicepString(vaultName)}\n}`;
  const graphPrincipal =
    ctx.principalObjectId || !app
      ? undefined
      : [
          'extension microsoftGraphV1',
          '',
          `resource botServiceCmek 'Microsoft.Graph/servicePrincipals@v1.0' existing = {`,
          `  appId: ${bicepString(app.appId)}`,
          '}',
        ].join('\n');
  const principalIdBicep = ctx.principalObjectId ? bicepString(ctx.principalObjectId) : 'botServiceCmek.id';
  const wholeVault = (change: Parameters<typeof vaultDeployment>[1]) =>
    ctx.vault
      ? { bicep: vaultBicep(vaultDeployment(ctx.vault, change)) }
      : { bicepNote: 'The vault could not be read, and a Bicep vault must carry every setting it has now.' };
  switch (fix) {
    case 'audit-trail':
      return auditSettingAsCode(ctx.vaultId, ctx.auditSettingName ?? 'keyguard-audit', ctx.workspaceId);
    case 'purge-protection':
      return {
        cli: `az keyvault update ${vaultArgs} --enable-purge-protection true`,
        ...wholeVault({ enablePurgeProtection: true }),
      };
    case 'firewall-bypass':
      return {
        cli: `az keyvault update ${vaultArgs} --bypass AzureServices`,
        ...wholeVault({
          networkAcls: { ...(ctx.vault?.properties.networkAcls ?? {}), bypass: 'AzureServices' },
        }),
      };
    case 'register-provider':
      return {
        cli: `az provider register --namespace Microsoft.BotService --subscription ${shellWord(sub)} --wait`,
        bicepNote:
          'Bicep cannot register a resource provider: a template declares resources, and a registration is an action on the subscription.',
      };
    case 'create-principal':
      return app
        ? {
            cli: `az ad sp create --id ${app.appId}`,
            bicep: [
              '// Microsoft Graph Bicep extension: the service principal of Microsoft’s application in this tenant.',
              'extension microsoftGraphV1',
              '',
              `resource botServiceCmek 'Microsoft.Graph/servicePrincipals@v1.0' = {`,
              `  appId: ${bicepString(app.appId)}`,
              '}',
            ].join('\n'),
          }
        : {
            cli: '',
            bicepNote: `The ${botServiceCmekApp.displayName} application id is not known in this cloud.`,
          };
    case 'access-policy':
      return {
        cli: `az keyvault set-policy ${vaultArgs} --object-id ${objectIdCli} --key-permissions ${cmekKeyPermissions.join(' ')}`,
        bicep: [
          ...(graphPrincipal ? [graphPrincipal, ''] : []),
          existingVault,
          '',
          `// 'add' merges this entry into the vault's access policies; the others stay as they are.`,
          `resource cmekAccess 'Microsoft.KeyVault/vaults/accessPolicies@2025-05-01' = {`,
          '  parent: vault',
          `  name: 'add'`,
          `  properties: {`,
          `    accessPolicies: [`,
          `      {`,
          `        tenantId: ${ctx.vault ? bicepString(ctx.vault.properties.tenantId) : 'subscription().tenantId'}`,
          `        objectId: ${principalIdBicep}`,
          `        permissions: ${bicepLiteral({ keys: [...cmekKeyPermissions] }, '        ')}`,
          '      }',
          '    ]',
          '  }',
          '}',
        ].join('\n'),
      };
    case 'role-assignment':
      return {
        cli: `az role assignment create --assignee-object-id ${objectIdCli} --assignee-principal-type ServicePrincipal --role ${cmekRoleDefinitionGuid} --scope ${shellWord(ctx.vaultId)}`,
        bicep: [
          ...(graphPrincipal ? [graphPrincipal, ''] : []),
          existingVault,
          '',
          '// Key Vault Crypto Service Encryption User, for Microsoft’s Bot Service CMEK Prod, on this vault only.',
          `resource cmekRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {`,
          `  name: guid(vault.id, ${principalIdBicep}, ${bicepString(cmekRoleDefinitionGuid)})`,
          '  scope: vault',
          '  properties: {',
          `    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ${bicepString(cmekRoleDefinitionGuid)})`,
          `    principalId: ${principalIdBicep}`,
          `    principalType: 'ServicePrincipal'`,
          '  }',
          '}',
        ].join('\n'),
      };
  }
}
