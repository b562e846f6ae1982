import type { AccessPolicyOperationKind } from '../../arm/types/key-vault';
import { accessChecker } from '../rules/authorization';
import { authorize } from './context';
import { applyAccessPolicyOperation } from '../rules/access-policies';
import { applyVaultPatch, applyVaultPut } from '../rules/vault-update';
import { assumptions } from '../store/assumptions';
import { answered, badRequest, fail, notFound } from '../rules/errors';
import { json, page, type Router } from './http';
import type { TwinDeletedVault } from '../store/model';
import { deletedVaultJson, vaultJson } from './serialize';
import {
  getVault,
  newGuid,
  requireRegistered,
  requireResourceGroup,
  requireSubscription,
  vaultId,
  type TwinContext,
} from './context';

const base = '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.KeyVault/vaults';
const day = 24 * 60 * 60 * 1000;

export function registerVaultRoutes(router: Router, ctx: TwinContext): void {
  const listed = (prefix: string) => {
    const out = [];
    const readable = accessChecker(ctx.world, 'read');
    const wanted = prefix.toLowerCase();
    for (const v of ctx.world.vaults.values())
      if (v.id.toLowerCase().startsWith(wanted) && readable(v.id)) out.push(vaultJson(v));
    return out;
  };

  router.add('arm', 'GET', '/subscriptions/:sub/providers/Microsoft.KeyVault/vaults', ({ req, params }) => {
    requireSubscription(ctx, params.sub);
    requireRegistered(ctx, params.sub, 'Microsoft.KeyVault');
    return page(req, listed(`/subscriptions/${params.sub}/`), 100);
  });

  router.add('arm', 'GET', base, ({ req, params }) => {
    requireResourceGroup(ctx, params.sub, params.rg);
    requireRegistered(ctx, params.sub, 'Microsoft.KeyVault');
    return page(req, listed(`/subscriptions/${params.sub}/resourceGroups/${params.rg}/`), 100);
  });

  router.add('arm', 'GET', `${base}/:vault`, ({ params }) =>
    json(200, vaultJson(getVault(ctx, params, 'read'))),
  );

  router.add('arm', 'PATCH', `${base}/:vault`, ({ req, params, now }) => {
    const vault = getVault(ctx, params, 'write');
    requireRegistered(ctx, params.sub, 'Microsoft.KeyVault');
    const next = answered(applyVaultPatch(vault, req.body, now));
    ctx.world.vaults.set(vault.id, next);
    return json(200, vaultJson(next));
  });

  router.add('arm', 'PUT', `${base}/:vault/accessPolicies/:kind`, ({ req, params, now }) => {
    const kind = params.kind.toLowerCase();
    if (kind !== 'add' && kind !== 'replace' && kind !== 'remove') {
      badRequest(
        'BadRequest',
        `The access policy operation '${params.kind}' is invalid. Use add, replace or remove.`,
      );
    }
    const vault = getVault(ctx, params, 'write');
    const next = {
      ...answered(applyAccessPolicyOperation(vault, kind as AccessPolicyOperationKind, req.body)),
      modifiedAt: now,
    };
    ctx.world.vaults.set(vault.id, next);
    return json(200, {
      id: `${vault.id}/accessPolicies/`,
      type: 'Microsoft.KeyVault/vaults/accessPolicies',
      location: vault.location,
      properties: { accessPolicies: next.accessPolicies },
    });
  });

  // Vaults_CreateOrUpdate: replacing an existing vault (a deployment), or recovering a soft-deleted one.
  router.add('arm', 'PUT', `${base}/:vault`, ({ req, params, now }) => {
    requireResourceGroup(ctx, params.sub, params.rg);
    const id = vaultId(params);
    authorize(ctx.world, id, 'Microsoft.KeyVault/vaults/write', 'write');
    const body = req.body as { properties?: { createMode?: string } } | undefined;
    const deletedKey = `${params.sub}/${params.vault}`;
    const deleted = ctx.world.deletedVaults.get(deletedKey);
    if (body?.properties?.createMode !== 'recover') {
      const existing = ctx.world.vaults.get(id);
      if (existing) {
        const next = answered(applyVaultPut(existing, req.body, now));
        ctx.world.vaults.set(id, next);
        return json(200, vaultJson(next));
      }
      if (deleted)
        fail(
          409,
          'ConflictError',
          `A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault.`,
        );
      badRequest('BadRequest', 'Creating key vaults is not part of this twin.');
    }
    if (!deleted) notFound('Microsoft.KeyVault/deletedVaults', params.vault);
    const recovered = { ...deleted!.vault, modifiedAt: now };
    ctx.world.vaults.set(id, recovered);
    ctx.world.deletedVaults.delete(deletedKey);
    return json(200, vaultJson(recovered));
  });

  router.add('arm', 'DELETE', `${base}/:vault`, ({ params, now }) => {
    const vault = getVault(ctx, params, 'write');
    ctx.world.vaults.delete(vault.id);
    if (vault.enableSoftDelete) {
      const d: TwinDeletedVault = {
        id: `/subscriptions/${vault.subscriptionId}/providers/Microsoft.KeyVault/locations/${vault.location}/deletedVaults/${vault.name}`,
        subscriptionId: vault.subscriptionId,
        name: vault.name,
        location: vault.location,
        vaultId: vault.id,
        deletionDate: now,
        scheduledPurgeDate: now + vault.softDeleteRetentionInDays * day,
        purgeProtectionEnabled: vault.enablePurgeProtection,
        tags: vault.tags,
        vault,
      };
      ctx.world.deletedVaults.set(`${vault.subscriptionId}/${vault.name}`, d);
    }
    return json(200, undefined);
  });

  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.KeyVault/deletedVaults',
    ({ req, params }) => {
      requireSubscription(ctx, params.sub);
      const rows = [...ctx.world.deletedVaults.values()].filter(
        (d) => d.subscriptionId.toLowerCase() === params.sub.toLowerCase(),
      );
      return page(req, rows.map(deletedVaultJson), 100);
    },
  );

  const deletedOf = (params: { readonly sub: string; readonly vault: string; readonly location: string }) => {
    requireSubscription(ctx, params.sub);
    const d = ctx.world.deletedVaults.get(`${params.sub}/${params.vault}`);
    if (!d || d.location.toLowerCase() !== params.location.toLowerCase())
      notFound('Microsoft.KeyVault/deletedVaults', params.vault);
    return d!;
  };

  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.KeyVault/locations/:location/deletedVaults/:vault',
    ({ params }) => json(200, deletedVaultJson(deletedOf(params))),
  );

  router.add(
    'arm',
    'POST',
    '/subscriptions/:sub/providers/Microsoft.KeyVault/locations/:location/deletedVaults/:vault/purge',
    ({ req, params, now }) => {
      const d = deletedOf(params);
      authorize(
        ctx.world,
        `/subscriptions/${params.sub}`,
        'Microsoft.KeyVault/locations/deletedVaults/purge/action',
        'write',
      );
      if (d.purgeProtectionEnabled && now < d.scheduledPurgeDate) {
        fail(
          409,
          'Conflict',
          `Operation 'DeletedVaultPurge' is not allowed: the vault '${d.name}' has purge protection enabled and cannot be purged before ${new Date(d.scheduledPurgeDate).toISOString()}.`,
        );
      }
      const opId = newGuid();
      ctx.world.operations.set(opId, {
        id: opId,
        kind: 'purge',
        endsAt: now + assumptions.purgeRetryAfterSeconds * 1000 * 2,
      });
      ctx.world.deletedVaults.delete(`${params.sub}/${params.vault}`);
      const location = `${req.url.origin}/subscriptions/${params.sub}/providers/Microsoft.KeyVault/locations/${params.location}/operationResults/${opId}?api-version=${req.url.searchParams.get('api-version')}`;
      return json(202, undefined, {
        Location: location,
        'Retry-After': String(assumptions.purgeRetryAfterSeconds),
      });
    },
  );

  router.add(
    'arm',
    'GET',
    '/subscriptions/:sub/providers/Microsoft.KeyVault/locations/:location/operationResults/:op',
    ({ params, now }) => {
      const op = ctx.world.operations.get(params.op);
      if (!op) notFound('Microsoft.KeyVault/operationResults', params.op);
      if (now < op!.endsAt)
        return json(202, undefined, { 'Retry-After': String(assumptions.purgeRetryAfterSeconds) });
      ctx.world.operations.delete(op!.id);
      return json(200, undefined);
    },
  );
}
