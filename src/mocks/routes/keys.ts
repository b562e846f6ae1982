import type { KeyCreateParameters, KeyOperation } from '../../arm/types/key-vault';
import { ipInRule } from '../rules/network';
import { policyKey, validatePolicy } from '../rules/rotation-policy';
import { answered, badRequest, fail, notFound } from '../rules/errors';
import { json, page, type Router } from './http';
import type { TwinKey, TwinKeyVersion, TwinVault } from '../store/model';
import { keyJson, keyVersionJson } from './serialize';
import { World } from '../store/world';
import { getVault, newHex32, type TwinContext } from './context';

const base = '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.KeyVault/vaults/:vault/keys';
const keyName = /^[a-zA-Z0-9-]{1,127}$/;
const allOps: KeyOperation[] = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'];

/**
 * Listing keys from a vault whose firewall does not admit the admin's own address fails, as the portal's key picker
 * experiences it (KV network-security doc). Whether ARM's management-plane Keys_List is filtered the same way is
 * UNCONFIRMED; the twin applies the firewall so the console can show this case.
 */
function requireClientAllowed(vault: TwinVault, clientIp: string): void {
  const restricted = vault.publicNetworkAccess === 'Disabled' || vault.networkAcls.defaultAction === 'Deny';
  if (!restricted) return;
  if (
    vault.publicNetworkAccess !== 'Disabled' &&
    vault.networkAcls.ipRules.some((r) => ipInRule(clientIp, r.value))
  )
    return;
  fail(
    403,
    'ForbiddenByFirewall',
    `Client address is not authorized and caller is not a trusted service. Client address: ${clientIp}. Vault: ${vault.name}.`,
  );
}

function getKey(ctx: TwinContext, vault: TwinVault, name: string): TwinKey {
  const key = ctx.world.key(vault.id, name);
  return key ?? notFound('Microsoft.KeyVault/vaults/keys', `${vault.name}/${name}`);
}

export function registerKeyRoutes(router: Router, ctx: TwinContext): void {
  router.add('arm', 'GET', base, ({ req, params }) => {
    const vault = getVault(ctx, params, 'read');
    requireClientAllowed(vault, ctx.world.settings.clientIp);
    const keys = ctx.world.keysOfVault(vault.id).sort((a, b) => a.name.localeCompare(b.name));
    return page(
      req,
      keys.map((k) => keyJson(vault, k, ctx.world.rotationPolicies.get(policyKey(k)))),
      25,
    );
  });

  router.add('arm', 'GET', `${base}/:key`, ({ params }) => {
    const vault = getVault(ctx, params, 'read');
    requireClientAllowed(vault, ctx.world.settings.clientIp);
    const key = getKey(ctx, vault, params.key);
    return json(200, keyJson(vault, key, ctx.world.rotationPolicies.get(policyKey(key))));
  });

  router.add('arm', 'GET', `${base}/:key/versions`, ({ req, params }) => {
    const vault = getVault(ctx, params, 'read');
    requireClientAllowed(vault, ctx.world.settings.clientIp);
    const key = getKey(ctx, vault, params.key);
    return page(
      req,
      key.versions.map((v) => keyVersionJson(vault, key, v)),
      25,
    );
  });

  router.add('arm', 'GET', `${base}/:key/versions/:version`, ({ params }) => {
    const vault = getVault(ctx, params, 'read');
    requireClientAllowed(vault, ctx.world.settings.clientIp);
    const key = getKey(ctx, vault, params.key);
    const ver = key.versions.find((v) => v.version.toLowerCase() === params.version.toLowerCase());
    if (!ver)
      notFound('Microsoft.KeyVault/vaults/keys/versions', `${vault.name}/${key.name}/${params.version}`);
    return json(200, keyVersionJson(vault, key, ver!));
  });

  // Keys_CreateIfNotExist: creates the first version only; an existing key comes back unchanged.
  router.add('arm', 'PUT', `${base}/:key`, ({ req, params, now }) => {
    const vault = getVault(ctx, params, 'write');
    if (!keyName.test(params.key))
      badRequest(
        'BadRequest',
        `The key name '${params.key}' is invalid: use 1 to 127 letters, digits and hyphens.`,
        'keyName',
      );
    const existing = ctx.world.key(vault.id, params.key);
    if (existing)
      return json(200, keyJson(vault, existing, ctx.world.rotationPolicies.get(policyKey(existing))));
    if (ctx.world.deletedKeys.get(World.keyKey(vault.id, params.key)))
      fail(
        409,
        'Conflict',
        `Key ${params.key} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.`,
      );
    const body = req.body as Partial<KeyCreateParameters> | undefined;
    const p = body?.properties;
    if (!p || typeof p !== 'object')
      badRequest('BadRequest', "The property 'properties' is required.", 'properties');
    const kty = p!.kty;
    if (kty !== 'RSA' && kty !== 'RSA-HSM' && kty !== 'EC' && kty !== 'EC-HSM')
      badRequest('BadRequest', `The key type '${String(kty)}' is invalid.`, 'properties.kty');
    if (kty?.endsWith('-HSM') && vault.sku !== 'premium')
      badRequest('BadRequest', 'HSM-protected keys need a premium vault.', 'properties.kty');
    const isRsa = kty === 'RSA' || kty === 'RSA-HSM';
    const keySize = p!.keySize ?? (isRsa ? 2048 : undefined);
    if (isRsa && ![2048, 3072, 4096].includes(keySize as number))
      badRequest(
        'BadRequest',
        `The RSA key size ${keySize} is invalid: use 2048, 3072 or 4096.`,
        'properties.keySize',
      );
    const ops = p!.keyOps ?? allOps;
    if (!Array.isArray(ops) || ops.some((o) => !allOps.includes(o) && o !== 'import' && o !== 'release'))
      badRequest('BadRequest', 'The key operations are invalid.', 'properties.keyOps');
    const nowSec = Math.floor(now / 1000);
    const version: TwinKeyVersion = {
      version: newHex32(),
      created: nowSec,
      updated: nowSec,
      enabled: p!.attributes?.enabled ?? true,
      nbf: p!.attributes?.nbf,
      exp: p!.attributes?.exp,
      kty: kty,
      keySize: isRsa ? keySize : undefined,
      curveName: isRsa ? undefined : 'P-256',
      keyOps: [...ops],
    };
    const key: TwinKey = {
      vaultId: vault.id,
      name: params.key,
      versions: [version],
      tags: body?.tags ?? {},
    };
    // A policy given at creation is checked by Key Vault's rules (ARM writes action types in lower case).
    const policyInput = p!.rotationPolicy;
    const policy = policyInput
      ? {
          vaultId: vault.id,
          keyName: key.name,
          ...answered(
            validatePolicy({
              lifetimeActions: policyInput.lifetimeActions,
              attributes: policyInput.attributes,
            }),
          ),
          created: nowSec,
          updated: nowSec,
        }
      : undefined;
    ctx.world.keys.set(World.keyKey(vault.id, key.name), key);
    if (policy) ctx.world.rotationPolicies.set(policyKey(key), policy);
    return json(200, keyJson(vault, key, policy));
  });
}
