import { accessChecker, visibleSubscriptionIds } from '../rules/authorization';
import { authorize } from './context';
import { assumptions } from '../store/assumptions';
import { knownProviders } from '../store/catalog';
import { fail } from '../rules/errors';
import { json, page, type Router } from './http';
import { providerJson, subscriptionJson } from './serialize';
import { World } from '../store/world';
import { currentProvider, requireSubscription, type TwinContext } from './context';

export function registerSubscriptionRoutes(router: Router, ctx: TwinContext): void {
  router.add('arm', 'GET', '/subscriptions', ({ req }) =>
    page(
      req,
      visibleSubscriptionIds(ctx.world).map((id) => subscriptionJson(ctx.world.subscriptions.get(id)!)),
      100,
      false,
      true,
    ),
  );

  router.add('arm', 'GET', '/subscriptions/:sub', ({ params }) => {
    requireSubscription(ctx, params.sub);
    authorize(ctx.world, `/subscriptions/${params.sub}`, 'Microsoft.Resources/subscriptions/read', 'read');
    return json(200, subscriptionJson(ctx.world.subscriptions.get(params.sub)!));
  });

  router.add('arm', 'GET', '/tenants', ({ req }) => {
    const ids = new Set(
      visibleSubscriptionIds(ctx.world).map((s) => ctx.world.subscriptions.get(s)!.tenantId),
    );
    ids.add(ctx.world.settings.activeTenantId);
    const tenants = [...ids].map((id) => ctx.world.tenants.get(id)).filter((t) => t !== undefined);
    return page(
      req,
      tenants.map((t) => ({
        id: `/tenants/${t.tenantId}`,
        tenantId: t.tenantId,
        displayName: t.displayName,
        defaultDomain: t.defaultDomain,
        domains: [t.defaultDomain],
        tenantCategory: 'Home',
      })),
      100,
      false,
      true,
    );
  });

  router.add('arm', 'GET', '/subscriptions/:sub/providers', ({ req, params }) => {
    requireSubscription(ctx, params.sub);
    authorize(
      ctx.world,
      `/subscriptions/${params.sub}`,
      'Microsoft.Resources/subscriptions/providers/read',
      'read',
    );
    return page(
      req,
      knownProviders.map((k) => providerJson(currentProvider(ctx, params.sub, k.namespace))),
      100,
    );
  });

  router.add('arm', 'GET', '/subscriptions/:sub/providers/:ns', ({ params }) => {
    requireSubscription(ctx, params.sub);
    authorize(
      ctx.world,
      `/subscriptions/${params.sub}`,
      'Microsoft.Resources/subscriptions/providers/read',
      'read',
    );
    const known = knownProviders.find((k) => k.namespace.toLowerCase() === params.ns.toLowerCase());
    if (!known) fail(404, 'InvalidResourceNamespace', `The resource namespace '${params.ns}' is invalid.`);
    return json(200, providerJson(currentProvider(ctx, params.sub, known!.namespace)));
  });

  const transition =
    (register: boolean) =>
    ({ params }: { params: { readonly sub: string; readonly ns: string } }) => {
      const sub = params.sub;
      requireSubscription(ctx, sub);
      const scope = `/subscriptions/${sub}`;
      authorize(ctx.world, scope, `${params.ns}/${register ? 'register' : 'unregister'}/action`, 'write');
      const known = knownProviders.find((k) => k.namespace.toLowerCase() === params.ns.toLowerCase());
      if (!known) fail(404, 'InvalidResourceNamespace', `The resource namespace '${params.ns}' is invalid.`);
      const ns = known!.namespace;
      const p = currentProvider(ctx, sub, ns);
      if (!register && hasResources(ctx.world, sub, ns)) {
        fail(
          409,
          assumptions.unregisterWithResourcesCode,
          `Cannot unregister '${ns}': the subscription still has resources of this provider. Delete them first.`,
        );
      }
      const busy = register
        ? p.state === 'Registered' || p.state === 'Registering'
        : p.state === 'NotRegistered' || p.state === 'Unregistering';
      const next = busy
        ? p
        : {
            ...p,
            state: register ? ('Registering' as const) : ('Unregistering' as const),
            transitionEndsAt: ctx.now() + assumptions.providerTransitionMs,
          };
      ctx.world.providers.set(World.providerKey(sub, ns), next);
      return json(200, providerJson(next));
    };
  router.add('arm', 'POST', '/subscriptions/:sub/providers/:ns/register', transition(true));
  router.add('arm', 'POST', '/subscriptions/:sub/providers/:ns/unregister', transition(false));

  router.add('arm', 'GET', '/subscriptions/:sub/resources', ({ req, params }) => {
    const sub = params.sub;
    requireSubscription(ctx, sub);
    const filter = req.url.searchParams.get('$filter') ?? '';
    const types = [...filter.matchAll(/resourceType eq '([^']+)'/gi)].map((m) => m[1]!.toLowerCase());
    const want = (t: string) => types.length === 0 || types.includes(t.toLowerCase());
    const rows: unknown[] = [];
    const readable = accessChecker(ctx.world, 'read');
    if (want('Microsoft.BotService/botServices')) {
      for (const b of ctx.world.bots.inSubscription(sub)) {
        if (readable(b.id)) {
          rows.push({
            id: b.id,
            name: b.name,
            type: 'Microsoft.BotService/botServices',
            location: b.location,
            kind: b.kind,
            tags: b.tags,
          });
        }
      }
    }
    if (want('Microsoft.KeyVault/vaults')) {
      for (const v of ctx.world.vaults.inSubscription(sub)) {
        if (readable(v.id)) {
          rows.push({
            id: v.id,
            name: v.name,
            type: 'Microsoft.KeyVault/vaults',
            location: v.location,
            tags: v.tags,
          });
        }
      }
    }
    return page(req, rows, 1000);
  });
}

function hasResources(world: World, sub: string, ns: string): boolean {
  const prefix = `/subscriptions/${sub}/`.toLowerCase();
  const marker = `/providers/${ns}/`.toLowerCase();
  const ids = [...world.bots.values(), ...world.vaults.values()].map((r) => r.id.toLowerCase());
  return ids.some((id) => id.startsWith(prefix) && id.includes(marker));
}
