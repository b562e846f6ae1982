import {
  BotRegular,
  BoxMultipleRegular,
  ClipboardTaskListLtrRegular,
  DocumentBulletListRegular,
  GlobeShieldRegular,
  HomeRegular,
  KeyRegular,
  LockClosedRegular,
  PeopleRegular,
  PlugConnectedRegular,
  SettingsRegular,
  ShieldKeyholeRegular,
  TagRegular,
  WrenchRegular,
  ChatRegular,
  DiagramRegular,
  HistoryRegular,
} from '@fluentui/react-icons';
import type { ComponentType } from 'react';
import { parseResourceId } from '../arm/resource-id';
import { parseHash } from '../portal/navigation/routes';
import type { MenuGroup } from '../portal/resource-menu';
import { preloadable, type Preloadable } from './preloadable';

export type ResourceKind = 'bot' | 'vault' | 'subscription';

export interface ResourceTypeDef {
  typeLabel: string;
  menu: MenuGroup[];
  /** Built blades by menu id; a menu id without one says plainly that Keyguard does not offer it. */
  blades: Partial<Record<string, Preloadable<object>>>;
}

const loadBotOverview = () => import('../features/bot-overview/bot-overview-blade');
const loadVaultOverview = () => import('../features/vault-overview/vault-overview-blade');
const loadSubscriptionOverview = () =>
  import('../features/subscription-overview/subscription-overview-blade');
const loadVaultProperties = () => import('../features/vault-properties/vault-properties-blade');
const loadVaultNetworking = () => import('../features/vault-networking/vault-networking-blade');
const loadVaultAccessPolicies = () => import('../features/vault-access-policies/vault-access-policies-blade');
const loadVaultIam = () => import('../features/vault-iam/vault-iam-blade');
const loadEncryption = () => import('../features/bot-encryption/encryption-blade');
const loadCmkReadiness = () => import('../features/bot-encryption/readiness-blade');
const loadResourceProviders = () => import('../features/subscription-providers/resource-providers-blade');

const common = (extra: MenuGroup['items'] = []): MenuGroup => ({
  items: [
    { id: 'overview', label: 'Overview', icon: <HomeRegular /> },
    { id: 'activitylog', label: 'Activity log', icon: <HistoryRegular /> },
    { id: 'iam', label: 'Access control (IAM)', icon: <PeopleRegular /> },
    { id: 'tags', label: 'Tags', icon: <TagRegular /> },
    { id: 'diagnose', label: 'Diagnose and solve problems', icon: <WrenchRegular /> },
    ...extra,
  ],
});

type BladeLoader = () => Promise<{ default: ComponentType }>;

const loadersByBlade: Record<ResourceKind, Partial<Record<string, BladeLoader>>> = {
  bot: { overview: loadBotOverview, encryption: loadEncryption, cmkreadiness: loadCmkReadiness },
  vault: {
    overview: loadVaultOverview,
    properties: loadVaultProperties,
    networking: loadVaultNetworking,
    accesspolicies: loadVaultAccessPolicies,
    iam: loadVaultIam,
  },
  subscription: { overview: loadSubscriptionOverview, resourceproviders: loadResourceProviders },
};

/** Built blades by menu id; a menu id without one says plainly that Keyguard does not offer it. */
const lazyBlades = (kind: ResourceKind): Partial<Record<string, Preloadable<object>>> =>
  Object.fromEntries(
    Object.entries(loadersByBlade[kind]).map(([id, load]) => [id, preloadable(load as BladeLoader)]),
  );

/** Home, with its virtualized table, loads when first shown (or ahead, for a link to it). */
export const HomePage = preloadable((): Promise<{ default: ComponentType<{ tenant?: string }> }> =>
  import('../features/home/home-page').then((m) => ({ default: m.HomePage })),
);

export const resourceTypes: Record<ResourceKind, ResourceTypeDef> = {
  bot: {
    typeLabel: 'Azure Bot',
    menu: [
      common(),
      {
        title: 'Settings',
        items: [
          { id: 'profile', label: 'Bot profile', icon: <BotRegular /> },
          { id: 'configuration', label: 'Configuration', icon: <SettingsRegular /> },
          { id: 'channels', label: 'Channels', icon: <PlugConnectedRegular /> },
          { id: 'testinwebchat', label: 'Test in Web Chat', icon: <ChatRegular /> },
          { id: 'networking', label: 'Networking', icon: <GlobeShieldRegular /> },
          { id: 'properties', label: 'Properties', icon: <DocumentBulletListRegular /> },
          { id: 'locks', label: 'Locks', icon: <LockClosedRegular /> },
        ],
      },
      {
        title: 'Bot management',
        items: [
          { id: 'encryption', label: 'Encryption', icon: <ShieldKeyholeRegular /> },
          { id: 'cmkreadiness', label: 'CMK readiness', icon: <ClipboardTaskListLtrRegular /> },
        ],
      },
    ],
    blades: lazyBlades('bot'),
  },
  vault: {
    typeLabel: 'Key vault',
    menu: [
      common(),
      { title: 'Objects', items: [{ id: 'keys', label: 'Keys', icon: <KeyRegular /> }] },
      {
        title: 'Settings',
        items: [
          { id: 'accesspolicies', label: 'Access policies', icon: <PeopleRegular /> },
          { id: 'networking', label: 'Networking', icon: <GlobeShieldRegular /> },
          { id: 'properties', label: 'Properties', icon: <DocumentBulletListRegular /> },
          { id: 'locks', label: 'Locks', icon: <LockClosedRegular /> },
        ],
      },
    ],
    blades: lazyBlades('vault'),
  },
  subscription: {
    typeLabel: 'Subscription',
    menu: [
      common(),
      {
        title: 'Settings',
        items: [
          { id: 'resourceproviders', label: 'Resource providers', icon: <DiagramRegular /> },
          { id: 'resources', label: 'Resources', icon: <BoxMultipleRegular /> },
        ],
      },
    ],
    blades: lazyBlades('subscription'),
  },
};

export function kindOf(resourceId: string): ResourceKind | undefined {
  const t = parseResourceId(resourceId)?.type.toLowerCase();
  if (t === 'microsoft.botservice/botservices') return 'bot';
  if (t === 'microsoft.keyvault/vaults') return 'vault';
  if (t === 'microsoft.resources/subscriptions') return 'subscription';
  return undefined;
}

/** Loads the page a link points at, so it renders at once when the app starts. */
export function preloadRoute(hash: string): Promise<void> {
  const m = /\/resource(\/subscriptions\/[^?]+)/i.exec(decodeURIComponent(hash));
  if (!m) return parseHash(hash).kind === 'home' ? HomePage.preload() : Promise.resolve();
  const path = (m[1] as string).replace(/\/+$/, '');
  const direct = kindOf(path);
  const cut = path.lastIndexOf('/');
  const kind = direct ?? kindOf(path.slice(0, cut));
  const blade = direct ? 'overview' : path.slice(cut + 1).toLowerCase();
  return (kind && resourceTypes[kind].blades[blade]?.preload()) || Promise.resolve();
}
