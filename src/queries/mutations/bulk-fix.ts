import { armSleep } from '../../arm/client';
import { botsUpdate } from '../../arm/operations/bots';
import { keysListVersions } from '../../arm/operations/keys';
import { providersGet, providersRegister } from '../../arm/operations/providers';
import { roleAssignmentsCreate, roleAssignmentsListForScope } from '../../arm/operations/role-assignments';
import { vaultsGet, vaultsUpdate, vaultsUpdateAccessPolicy } from '../../arm/operations/vaults';
import { cmekPatch, stateOfBot } from '../../domain/bot-encryption';
import { cmekKeyPermissions, cmekRoleDefinitionId, hasCmekPermissions, isCmekRole } from '../../domain/cmek';
import { phaseOf } from '../../domain/encryption-status';
import { firewallKeepsBotServiceOut } from '../../domain/vault-firewall';
import type { BulkTarget } from '../../domain/cmk/bulk';
import { coverVaultWithAlerts } from './bulk-alerts';
import { BulkRefusal, type BulkContext, type BulkOutcome } from './bulk-types';
import { sameKeyUrl } from '../../domain/key-url';
import { keyProblems } from '../../domain/key-usability';
import { versionUrlOf } from '../../domain/keys/key-versions';
import { parseResourceId } from '../../arm/resource-id';
import { genuineCmekPrincipalId } from '../cmek-principal';
import { botQuery } from '../resources';

/** About two minutes; a registration still running then is reported as started, finishing in Azure. */
const registrationPolls = 40;
const registrationPollMs = 3000;

async function registerProvider(subscriptionId: string, ctx: BulkContext): Promise<BulkOutcome> {
  const ns = 'Microsoft.BotService';
  let p = await providersGet(subscriptionId, ns);
  if (p.registrationState === 'Registered') return { state: 'already', message: 'Already registered.' };
  ctx.writing();
  if (p.registrationState !== 'Registering') p = await providersRegister(subscriptionId, ns);
  for (let i = 0; p.registrationState !== 'Registered' && i < registrationPolls && !ctx.signal.aborted; i++) {
    await armSleep(registrationPollMs, ctx.signal).catch(() => undefined);
    if (ctx.signal.aborted) break;
    p = await providersGet(subscriptionId, ns);
  }
  return p.registrationState === 'Registered'
    ? { state: 'done', message: 'Registered.' }
    : {
        state: 'pending',
        message: `Registration started; Azure reports ${p.registrationState ?? 'no state'} and finishes it on its own.`,
      };
}

async function firewallBypass(vaultId: string, ctx: BulkContext): Promise<BulkOutcome> {
  const vault = await vaultsGet(vaultId);
  // The same rule as the readiness check that planned it (public access disabled counts as closed too).
  if (!firewallKeepsBotServiceOut(vault.properties))
    return { state: 'already', message: 'Trusted Microsoft services already pass the firewall.' };
  ctx.writing();
  // Every other firewall setting stays exactly as Azure has it now.
  await vaultsUpdate(vaultId, {
    properties: { networkAcls: { ...vault.properties.networkAcls, bypass: 'AzureServices' } },
  });
  return { state: 'done', message: 'Trusted Microsoft services may now bypass the firewall.' };
}

async function grantAccess(vaultId: string, ctx: BulkContext): Promise<BulkOutcome> {
  // Security: the grantee is Microsoft's principal, looked up here by application id and owner; nothing else can be named.
  const principalId = await genuineCmekPrincipalId(ctx.queryClient, ctx.cloud, ctx.tenantId);
  const vault = await vaultsGet(vaultId);
  if (vault.properties.tenantId.toLowerCase() !== ctx.tenantId.toLowerCase())
    throw new BulkRefusal(
      'The key vault belongs to another Microsoft Entra tenant: Azure Bot Service cannot use it from this one.',
    );
  if (vault.properties.enableRbacAuthorization) {
    const roles = await roleAssignmentsListForScope(vaultId);
    if (
      roles.some((r) => r.properties.principalId === principalId && isCmekRole(r.properties.roleDefinitionId))
    )
      return { state: 'already', message: 'Bot Service CMEK Prod already holds the role.' };
    const sub = parseResourceId(vaultId)?.subscriptionId ?? '';
    ctx.writing();
    await roleAssignmentsCreate(vaultId, cmekRoleDefinitionId(sub), principalId, 'ServicePrincipal');
    return { state: 'done', message: 'Assigned Key Vault Crypto Service Encryption User.' };
  }
  const entry = vault.properties.accessPolicies?.find(
    (p) => p.objectId.toLowerCase() === principalId.toLowerCase(),
  );
  if (hasCmekPermissions(entry))
    return { state: 'already', message: 'Bot Service CMEK Prod already may get, wrap and unwrap keys.' };
  ctx.writing();
  await vaultsUpdateAccessPolicy(vaultId, 'add', [
    {
      tenantId: vault.properties.tenantId,
      objectId: principalId,
      permissions: { keys: [...cmekKeyPermissions] },
    },
  ]);
  return { state: 'done', message: 'Bot Service CMEK Prod may now get, wrap and unwrap keys.' };
}

async function moveToNewest(
  t: Extract<BulkTarget, { kind: 'move-to-newest' }>,
  ctx: BulkContext,
): Promise<BulkOutcome> {
  const bot = await ctx.queryClient.fetchQuery({ ...botQuery(t.botId), staleTime: 0 });
  const state = stateOfBot(bot);
  if (state.cmek && state.key && sameKeyUrl(state.key, t.to))
    return { state: 'already', message: 'Already on that version.' };
  if (!state.cmek || !state.key || !sameKeyUrl(state.key, t.from))
    throw new BulkRefusal(
      'Its key changed since the list was read: nothing was written. Refresh and review it again.',
    );
  if (phaseOf(bot.properties.cmekEncryptionStatus, true) === 'failed')
    throw new BulkRefusal(
      `Azure Bot Service reports “${bot.properties.cmekEncryptionStatus}”: it cannot reach its key now, so it could not re-encrypt. Fix its key vault first; nothing was written.`,
    );
  const versions = await keysListVersions(t.vaultId, t.to.keyName);
  const target = versions.find((v) => versionUrlOf(v)?.version.toLowerCase() === t.to.version.toLowerCase());
  const problems = target ? keyProblems(target, ctx.nowMs()) : [];
  if (!target || problems.length)
    throw new BulkRefusal(
      `Version ${t.to.version.slice(0, 8)}… is ${target ? problems.map((p) => p.kind).join(' and ') : 'gone'} now: nothing was written.`,
    );
  ctx.writing();
  await botsUpdate(t.botId, cmekPatch(bot, t.to));
  return {
    state: 'done',
    message: `Moved. Keep version ${t.from.version.slice(0, 8)}… enabled for at least a week while the data is re-encrypted.`,
  };
}

/** One item of a bulk run: its guard reads Azure afresh, then (only if still needed and safe) the write. */
export function runBulkItem(t: BulkTarget, ctx: BulkContext): Promise<BulkOutcome> {
  switch (t.kind) {
    case 'register-provider':
      return registerProvider(t.subscriptionId, ctx);
    case 'firewall-bypass':
      return firewallBypass(t.vaultId, ctx);
    case 'grant-access':
      return grantAccess(t.vaultId, ctx);
    case 'move-to-newest':
      return moveToNewest(t, ctx);
    case 'cover-alerts':
      return coverVaultWithAlerts(t.vaultId, ctx);
  }
}
