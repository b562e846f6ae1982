import type { KeyVaultCreateParameters, KeyVaultUpdateParameters } from '../../arm/types/key-vault-data';
import { addVersion, rotate } from '../rules/key-lifecycle';
import { policyKey, validatePolicy } from '../rules/rotation-policy';
import { assumptions } from '../store/assumptions';
import { answered, fail } from '../rules/errors';
import { json, type Router } from './http';
import type { TwinKey, TwinKeyVersion } from '../store/model';
import { keyBundleJson, keyItemJson, rotationPolicyJson } from './serialize-keys';
import { World } from '../store/world';
import { newHex32, type TwinContext } from './context';
import { dataPlane, keyPermissions } from './key-vault-helpers';

const keyName = /^[0-9a-zA-Z-]{1,127}$/;
const versionIn = (params: { readonly name: string; readonly version?: string }) => params.version;
const rsaOps = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'];
const ecOps = ['sign', 'verify'];

/** Key Vault's data plane (keys), on the vault's own host: the same key store ARM's Keys_* routes read. */
export function registerKeyVaultDataRoutes(router: Router, ctx: TwinContext): void {
  const { vaultOf, keyOf, versionOf, body, pageOf } = dataPlane(ctx);

  router.add('keyvault', 'GET', '/keys', ({ req }) => {
    const vault = vaultOf(req, keyPermissions.list);
    const keys = ctx.world.keysOfVault(vault.id).sort((a, b) => a.name.localeCompare(b.name));
    return pageOf(
      req,
      keys.map((k) => keyItemJson(vault, k, k.versions[k.versions.length - 1]!, false)),
    );
  });

  router.add('keyvault', 'POST', '/keys/:name/create', ({ req, params, now }) => {
    const name = params.name;
    if (!keyName.test(name))
      fail(400, 'BadParameter', `The key name '${name}' is invalid: use letters, digits and hyphens.`);
    const vault = vaultOf(req, keyPermissions.create, name);
    if (ctx.world.deletedKeys.get(World.keyKey(vault.id, name)))
      fail(
        409,
        'Conflict',
        `Key ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.`,
        undefined,
        [{ code: 'ObjectIsDeletedButRecoverable', message: 'The key is deleted but recoverable.' }],
      );
    const p = body<KeyVaultCreateParameters>(req);
    const given = p.kty;
    if (given !== 'RSA' && given !== 'RSA-HSM' && given !== 'EC' && given !== 'EC-HSM')
      fail(400, 'BadParameter', `The key type '${String(given)}' is not valid.`);
    const kty = given!;
    if (kty.endsWith('-HSM') && vault.sku !== 'premium')
      fail(400, 'BadParameter', 'HSM-protected keys need a premium vault.');
    const isRsa = kty.startsWith('RSA');
    const keySize = p.key_size ?? (isRsa ? 2048 : undefined);
    if (isRsa && ![2048, 3072, 4096].includes(keySize!))
      fail(400, 'BadParameter', `The RSA key size ${keySize} is not valid.`);
    const ops = p.key_ops ?? (isRsa ? rsaOps : ecOps);
    if (!Array.isArray(ops) || ops.some((o) => ![...rsaOps, 'import'].includes(o)))
      fail(400, 'BadParameter', 'The key operations are not valid.');
    checkTimes(p.attributes);
    const key = addVersion(
      ctx.world,
      vault,
      name,
      {
        kty,
        keySize: isRsa ? keySize : undefined,
        curveName: isRsa ? undefined : (p.crv ?? 'P-256'),
        keyOps: ops as TwinKeyVersion['keyOps'],
        enabled: p.attributes?.enabled,
        nbf: p.attributes?.nbf,
        exp: p.attributes?.exp,
      },
      newHex32(),
      Math.floor(now / 1000),
      p.tags,
    );
    return json(200, keyBundleJson(vault, key, key.versions[key.versions.length - 1]!));
  });

  router.add('keyvault', 'POST', '/keys/:name/rotate', ({ req, params, now }) => {
    const vault = vaultOf(req, keyPermissions.rotate, params.name);
    const key = rotate(ctx.world, vault, keyOf(vault, params.name), newHex32(), Math.floor(now / 1000));
    return json(200, keyBundleJson(vault, key, key.versions[key.versions.length - 1]!));
  });

  router.add('keyvault', 'GET', '/keys/:name/versions', ({ req, params }) => {
    const vault = vaultOf(req, keyPermissions.list, params.name);
    const key = keyOf(vault, params.name);
    return pageOf(
      req,
      [...key.versions].reverse().map((v) => keyItemJson(vault, key, v, true)),
    );
  });

  router.add('keyvault', 'GET', '/keys/:name/rotationpolicy', ({ req, params, now }) => {
    const vault = vaultOf(req, keyPermissions.getrotationpolicy, params.name);
    const key = keyOf(vault, params.name);
    const stored = ctx.world.rotationPolicies.get(policyKey(key));
    const t = Math.floor(now / 1000);
    return json(
      200,
      rotationPolicyJson(
        vault,
        key.name,
        stored ?? {
          vaultId: vault.id,
          keyName: key.name,
          lifetimeActions: [
            {
              action: 'Notify',
              trigger: { timeBeforeExpiry: assumptions.keyVault.defaultNotifyBeforeExpiry },
            },
          ],
          created: t,
          updated: t,
        },
      ),
    );
  });

  router.add('keyvault', 'PUT', '/keys/:name/rotationpolicy', ({ req, params, now }) => {
    const vault = vaultOf(req, keyPermissions.setrotationpolicy, params.name);
    const key = keyOf(vault, params.name);
    const valid = answered(
      validatePolicy(body<{ lifetimeActions: unknown; attributes: { expiryTime?: unknown } }>(req)),
    );
    const t = Math.floor(now / 1000);
    const before = ctx.world.rotationPolicies.get(policyKey(key));
    const policy = {
      vaultId: vault.id,
      keyName: key.name,
      ...valid,
      created: before?.created ?? t,
      updated: t,
    };
    ctx.world.rotationPolicies.set(policyKey(key), policy);
    return json(200, rotationPolicyJson(vault, key.name, policy));
  });

  // The key (its current version) or one version: `version` is there only in the second path.
  for (const path of ['/keys/:name', '/keys/:name/:version'] as const) {
    router.add('keyvault', 'GET', path, ({ req, params }) => {
      const vault = vaultOf(req, keyPermissions.get, params.name);
      const key = keyOf(vault, params.name);
      return json(200, keyBundleJson(vault, key, versionOf(key, versionIn(params))));
    });
    router.add('keyvault', 'PATCH', path, ({ req, params, now }) => {
      const vault = vaultOf(req, keyPermissions.update, params.name);
      const key = keyOf(vault, params.name);
      const target = versionOf(key, versionIn(params));
      const p = body<KeyVaultUpdateParameters>(req);
      checkTimes(p.attributes);
      const a = p.attributes ?? {};
      const updated: TwinKeyVersion = {
        ...target,
        enabled: a.enabled ?? target.enabled,
        nbf: 'nbf' in a ? (a.nbf ?? undefined) : target.nbf,
        exp: 'exp' in a ? (a.exp ?? undefined) : target.exp,
        keyOps: (p.key_ops as TwinKeyVersion['keyOps'] | undefined) ?? target.keyOps,
        updated: Math.floor(now / 1000),
      };
      const next: TwinKey = {
        ...key,
        tags: p.tags ?? key.tags,
        versions: key.versions.map((v) => (v === target ? updated : v)),
      };
      ctx.world.keys.set(World.keyKey(vault.id, key.name), next);
      return json(200, keyBundleJson(vault, next, updated));
    });
  }
}

function checkTimes(a: { nbf?: unknown; exp?: unknown } | undefined): void {
  for (const k of ['nbf', 'exp'] as const) {
    const v = a?.[k];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
      fail(400, 'BadParameter', `The attribute '${k}' must be a time in seconds since 1970.`);
  }
}
