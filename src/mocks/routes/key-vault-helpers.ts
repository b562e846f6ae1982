import {
  keyPermissions,
  firewallRefusal,
  permissionRefusal,
  type KeyPermission,
} from '../rules/key-vault-access';
import { assumptions } from '../store/assumptions';
import { fail, refuseIf } from '../rules/errors';
import { json, type TwinRequest } from './http';
import type { TwinKey, TwinKeyVersion, TwinVault } from '../store/model';
import type { TwinContext } from './context';

const notFoundKey = (name: string): never =>
  fail(
    404,
    'KeyNotFound',
    `A key with (name/id) ${name} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
  );

/** What every data-plane route needs: the vault of the host (firewall and permission checked), keys, bodies, pages. */
export function dataPlane(ctx: TwinContext) {
  const vaultOf = (req: TwinRequest, need: KeyPermission, name?: string): TwinVault => {
    const vault = ctx.world.vaultByUri(`https://${req.url.hostname}`);
    // Twin.handle drops requests to a host no vault has (as DNS would), so the vault is there.
    refuseIf(
      firewallRefusal(ctx.world, vault!, req.clientIp ?? ctx.world.settings.clientIp, req.privateNetwork),
    );
    refuseIf(permissionRefusal(ctx.world, vault!, need, name));
    return vault!;
  };
  const keyOf = (vault: TwinVault, name: string): TwinKey =>
    ctx.world.key(vault.id, name) ?? notFoundKey(name);
  const versionOf = (key: TwinKey, version: string | undefined): TwinKeyVersion =>
    (version
      ? key.versions.find((v) => v.version.toLowerCase() === version.toLowerCase())
      : key.versions[key.versions.length - 1]) ?? notFoundKey(`${key.name}/${version}`);
  const body = <T>(req: TwinRequest): Partial<T> =>
    req.body && typeof req.body === 'object' ? req.body : {};
  const pageOf = (req: TwinRequest, items: unknown[]) => {
    const size = Math.min(
      25,
      Math.max(1, Number(req.url.searchParams.get('maxresults')) || assumptions.keyVault.pageSize),
    );
    const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0') || 0;
    const out: Record<string, unknown> = { value: items.slice(skip, skip + size), nextLink: null };
    if (skip + size < items.length) {
      const next = new URL(req.url.toString());
      next.searchParams.set('$skiptoken', String(skip + size));
      out.nextLink = next.toString();
    }
    return json(200, out);
  };

  return { vaultOf, keyOf, versionOf, body, pageOf };
}

export { keyPermissions };
