import type { ComponentType } from 'react';
import { parseResourceId } from '../arm/resource-id';
import type { Route } from '../portal/navigation/routes';

/*
 * Every page and blade is its own chunk. This module holds no React, Fluent or icons, so the entry can import it and
 * fetch the page a deep link points at beside the shell, not after it (preloadable.tsx makes components of them).
 */

export interface PageChunk<P extends object> {
  /** Fetches the chunk once; resolves when `loaded()` has the component. */
  preload(): Promise<void>;
  loaded(): ComponentType<P> | undefined;
}

function pageChunk<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): PageChunk<P> {
  let component: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  return {
    preload: () =>
      (pending ??= load().then((m) => {
        component = m.default;
      })),
    loaded: () => component,
  };
}

export type ResourceKind = 'bot' | 'vault' | 'subscription';

export function kindOf(resourceId: string): ResourceKind | undefined {
  const t = parseResourceId(resourceId)?.type.toLowerCase();
  if (t === 'microsoft.botservice/botservices') return 'bot';
  if (t === 'microsoft.keyvault/vaults') return 'vault';
  if (t === 'microsoft.resources/subscriptions') return 'subscription';
  return undefined;
}

type BladeChunk = PageChunk<object>;
const blade = (load: () => Promise<{ default: ComponentType }>): BladeChunk => pageChunk(load);

/** Built blades by resource kind and menu id (every menu entry that is not a link to the Azure portal has one). */
export const bladeChunks: Record<ResourceKind, Partial<Record<string, BladeChunk>>> = {
  bot: {
    overview: blade(() => import('../features/bot-overview/bot-overview-blade')),
    encryption: blade(() => import('../features/bot-encryption/encryption-blade')),
    cmkreadiness: blade(() => import('../features/bot-encryption/readiness-blade')),
    testinwebchat: blade(() => import('../features/bot-overview/test-in-web-chat-blade')),
    iam: blade(() => import('../features/access-control/iam-blade')),
    activitylog: blade(() => import('../features/activity-log/activity-log-blade')),
  },
  vault: {
    overview: blade(() => import('../features/vault-overview/vault-overview-blade')),
    properties: blade(() => import('../features/vault-properties/vault-properties-blade')),
    networking: blade(() => import('../features/vault-networking/vault-networking-blade')),
    accesspolicies: blade(() => import('../features/vault-access-policies/access-policies-blade')),
    'accesspolicies/create': blade(
      () => import('../features/vault-access-policies/access-policy-editor-blade'),
    ),
    'accesspolicies/edit': blade(
      () => import('../features/vault-access-policies/access-policy-editor-blade'),
    ),
    iam: blade(() => import('../features/access-control/iam-blade')),
    activitylog: blade(() => import('../features/activity-log/activity-log-blade')),
    diagnosticsettings: blade(() => import('../features/diagnostic-settings/diagnostic-settings-blade')),
    keys: blade(() => import('../features/keys/keys-blade')),
    'keys/*': blade(() => import('../features/keys/key-blade')),
    keyusage: blade(() => import('../features/key-usage/key-usage-blade')),
  },
  subscription: {
    overview: blade(() => import('../features/subscription-overview/subscription-overview-blade')),
    resourceproviders: blade(() => import('../features/subscription-providers/resource-providers-blade')),
    resources: blade(() => import('../features/subscription-resources/subscription-resources-blade')),
    iam: blade(() => import('../features/access-control/iam-blade')),
    activitylog: blade(() => import('../features/activity-log/activity-log-blade')),
  },
};

/** Home, with its virtualized table, loads when first shown (or ahead, for a link to it). */
export const homeChunk = pageChunk((): Promise<{ default: ComponentType<{ tenant?: string }> }> =>
  import('../features/home/home-page').then((m) => ({ default: m.HomePage })),
);

/** The tenant's customer-managed keys, loaded when first shown (or ahead, for a link to it). */
export const cmkChunk = pageChunk(
  (): Promise<{ default: ComponentType<{ tenant?: string; query: Record<string, string> }> }> =>
    import('../features/cmk/cmk-page'),
);

/**
 * The demo banner, fetched with the page in a demo build so the first render already has it (arriving later, it
 * pushed the whole page down under the admin's pointer). Live builds contain none of it.
 */
export const demoBannerChunk =
  import.meta.env.VITE_DEMO === 'true'
    ? pageChunk((): Promise<{ default: ComponentType<object> }> => import('./demo/demo-banner'))
    : undefined;

/** Fetches the page a route shows, so it renders at once when the app starts. */
export function preloadPage(route: Route): Promise<void> {
  if (route.kind === 'home') return homeChunk.preload();
  if (route.kind === 'cmk') return cmkChunk.preload();
  if (route.kind !== 'resource') return Promise.resolve();
  const kind = kindOf(route.resourceId);
  const [menu, child] = route.blade.split('/');
  const chunks = kind ? bladeChunks[kind] : undefined;
  const chunk =
    child === undefined ? chunks?.[route.blade] : (chunks?.[route.blade] ?? chunks?.[`${menu}/*`]);
  return chunk?.preload() ?? Promise.resolve();
}
