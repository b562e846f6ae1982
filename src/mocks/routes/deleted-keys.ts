import { policyKey } from '../rules/rotation-policy';
import { fail } from '../rules/errors';
import { json, type Router } from './http';
import { assumptions } from '../store/assumptions';
import type { TwinDeletedKey, TwinVault } from '../store/model';
import { deletedKeyItemJson, deletedKeyJson, keyBundleJson } from './serialize-keys';
import { World } from '../store/world';
import type { TwinContext } from './context';
import { dataPlane, keyPermissions } from './key-vault-helpers';

/** Key Vault's soft delete of keys: delete, the deleted keys, recover and purge. */
export function registerDeletedKeyRoutes(router: Router, ctx: TwinContext): void {
  const { vaultOf, keyOf, pageOf } = dataPlane(ctx);
  router.add('keyvault', 'DELETE', '/keys/:name', ({ req, params, now }) => {
    const vault = vaultOf(req, keyPermissions.delete, params.name);
    const key = keyOf(vault, params.name);
    const t = Math.floor(now / 1000);
    const id = World.keyKey(vault.id, key.name);
    const policy = ctx.world.rotationPolicies.get(policyKey(key));
    const deleted = {
      vaultId: vault.id,
      name: key.name,
      key,
      policy,
      deletedDate: t,
      scheduledPurgeDate: t + vault.softDeleteRetentionInDays * 24 * 60 * 60,
      deletingUntil: now + assumptions.keyVault.deleteTakesMs,
    };
    ctx.world.keys.delete(id);
    if (policy) ctx.world.rotationPolicies.delete(policyKey(key));
    // Soft delete keeps the key recoverable; a vault without it loses the key at once.
    if (vault.enableSoftDelete) ctx.world.deletedKeys.set(id, deleted);
    return json(200, deletedKeyJson(vault, deleted));
  });

  router.add('keyvault', 'GET', '/deletedkeys', ({ req, now }) => {
    const vault = vaultOf(req, keyPermissions.list);
    const list = [...ctx.world.deletedKeys.values()].filter(
      (d) => d.vaultId.toLowerCase() === vault.id.toLowerCase() && settled(d, now),
    );
    return pageOf(
      req,
      list.map((d) => deletedKeyItemJson(vault, d)),
    );
  });

  /** A deleted key whose deletion has finished and that is not being recovered. */
  const settled = (d: TwinDeletedKey, now: number) =>
    (d.deletingUntil ?? 0) <= now && d.recoveringUntil === undefined;
  const deletedOf = (vault: TwinVault, name: string, now: number): TwinDeletedKey => {
    const d = ctx.world.deletedKeys.get(World.keyKey(vault.id, name));
    if (d && (d.deletingUntil ?? 0) > now)
      fail(409, 'Conflict', `Key ${d.name} is currently being deleted and cannot be recovered; retry later.`);
    if (d?.recoveringUntil !== undefined)
      fail(409, 'Conflict', `Key ${d.name} is currently being recovered; retry later.`, undefined, [
        { code: 'ObjectIsBeingRecovered', message: 'The key is being recovered.' },
      ]);
    return d ?? fail(404, 'KeyNotFound', `Deleted Key not found: ${name}`);
  };

  // Until the deletion has finished, the deleted key does not read back: the SDKs' delete poller waits for it.
  router.add('keyvault', 'GET', '/deletedkeys/:name', ({ req, params, now }) => {
    const vault = vaultOf(req, keyPermissions.get, params.name);
    const d = ctx.world.deletedKeys.get(World.keyKey(vault.id, params.name));
    if (!d || !settled(d, now)) fail(404, 'KeyNotFound', `Deleted Key not found: ${params.name}`);
    return json(200, deletedKeyJson(vault, d!));
  });

  // The key is back once the recovery has finished (rules/key-lifecycle.ts settles it); the recover poller waits.
  router.add('keyvault', 'POST', '/deletedkeys/:name/recover', ({ req, params, now }) => {
    const vault = vaultOf(req, keyPermissions.recover, params.name);
    const d = deletedOf(vault, params.name, now);
    ctx.world.deletedKeys.set(World.keyKey(vault.id, d.name), {
      ...d,
      recoveringUntil: now + assumptions.keyVault.recoverTakesMs,
    });
    return json(200, keyBundleJson(vault, d.key, d.key.versions[d.key.versions.length - 1]!));
  });

  router.add('keyvault', 'DELETE', '/deletedkeys/:name', ({ req, params, now }) => {
    const vault = vaultOf(req, keyPermissions.purge, params.name);
    const d = deletedOf(vault, params.name, now);
    if (vault.enablePurgeProtection)
      fail(
        403,
        'Forbidden',
        `Operation "purge" is not allowed because purge protection is enabled for this vault. Key Vault service will automatically purge it after the retention period has passed.`,
      );
    ctx.world.deletedKeys.delete(World.keyKey(vault.id, d.name));
    return json(204, undefined);
  });
}
