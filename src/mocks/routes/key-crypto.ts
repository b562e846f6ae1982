import { cryptoRefusal, type CryptoOperation } from '../rules/key-crypto';
import { keyPermissions, firewallRefusal, permissionRefusal } from '../rules/key-vault-access';
import { badRequest, fail, refuseIf } from '../rules/errors';
import { json, type Router, type TwinRequest } from './http';
import type { TwinContext } from './context';

const base64url = /^[A-Za-z0-9_-]+$/;
const encode = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const decode = (value: string) => {
  try {
    return atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return '';
  }
};

/**
 * Key Vault's wrapKey and unwrapKey on a key version (`POST /keys/{name}/{version}/wrapkey`), in the shape of the
 * REST spec (KeyOperationsParameters in, KeyOperationResult out). The console never does (its gateway does not forward them); they are here so the twin answers as Key Vault
 * would, date-time controlled operations included. The "wrapping" is a reversible encoding: the twin keeps no keys.
 */
export function registerKeyCryptoRoutes(router: Router, ctx: TwinContext): void {
  const run = (req: TwinRequest, name: string, version: string, op: CryptoOperation, now: number) => {
    const vault = ctx.world.vaultByUri(`https://${req.url.hostname}`)!;
    refuseIf(
      firewallRefusal(ctx.world, vault, req.clientIp ?? ctx.world.settings.clientIp, req.privateNetwork),
    );
    refuseIf(
      permissionRefusal(
        ctx.world,
        vault,
        op === 'wrapKey' ? keyPermissions.wrapKey : keyPermissions.unwrapKey,
        name,
      ),
    );
    const key = ctx.world.key(vault.id, name);
    const v = key?.versions.find((x) => x.version.toLowerCase() === version.toLowerCase());
    if (!key || !v)
      fail(404, 'KeyNotFound', `A key with (name/id) ${name}/${version} was not found in this key vault.`);
    const refusal = cryptoRefusal(v!, op, Math.floor(now / 1000));
    if (refusal)
      fail(
        refusal.status,
        refusal.code,
        refusal.message,
        undefined,
        refusal.inner ? [{ code: refusal.inner, message: refusal.message }] : [],
      );
    const body = (req.body ?? {}) as { alg?: unknown; value?: unknown };
    if (typeof body.alg !== 'string' || !/^RSA(1_5|-OAEP|-OAEP-256)$/.test(body.alg))
      badRequest('BadParameter', 'The algorithm is not valid for this key.');
    if (typeof body.value !== 'string' || !base64url.test(body.value))
      badRequest('BadParameter', 'The value must be base64url.');
    const kid = `https://${req.url.hostname}/keys/${key!.name}/${v!.version}`;
    const value = body.value as string;
    if (op === 'wrapKey') return json(200, { kid, value: encode(`${v!.version}.${value}`) });
    const [of, inner] = decode(value).split('.');
    if (of !== v!.version || !inner || !base64url.test(inner))
      badRequest('BadParameter', 'The value was not wrapped with this key version.');
    return json(200, { kid, value: inner });
  };
  router.add('keyvault', 'POST', '/keys/:name/:version/wrapkey', ({ req, params, now }) =>
    run(req, params.name, params.version, 'wrapKey', now),
  );
  router.add('keyvault', 'POST', '/keys/:name/:version/unwrapkey', ({ req, params, now }) =>
    run(req, params.name, params.version, 'unwrapKey', now),
  );
}
