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
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { parseResourceId } from '../arm/resource-id';
import type { MenuGroup } from '../portal/resource-menu';

export type ResourceKind = 'bot' | 'vault' | 'subscription';

export interface ResourceTypeDef {
  typeLabel: string;
  menu: MenuGroup[];
  /** Built blades by menu id; a menu id without one says plainly that Keyguard does not offer it. */
  blades: Partial<Record<string, LazyExoticComponent<ComponentType>>>;
}

const BotOverview = lazy(() => import('../features/bot-overview/bot-overview-blade'));
const VaultOverview = lazy(() => import('../features/vault-overview/vault-overview-blade'));
const SubscriptionOverview = lazy(
  () => import('../features/subscription-overview/subscription-overview-blade'),
);
const VaultProperties = lazy(() => import('../features/vault-properties/vault-properties-blade'));
const VaultNetworking = lazy(() => import('../features/vault-networking/vault-networking-blade'));
const VaultAccessPolicies = lazy(
  () => import('../features/vault-access-policies/vault-access-policies-blade'),
);
const VaultIam = lazy(() => import('../features/vault-iam/vault-iam-blade'));
const Encryption = lazy(() => import('../features/bot-encryption/encryption-blade'));
const CmkReadiness = lazy(() => import('../features/bot-encryption/readiness-blade'));
const ResourceProviders = lazy(() => import('../features/subscription-providers/resource-providers-blade'));

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
    blades: { overview: BotOverview, encryption: Encryption, cmkreadiness: CmkReadiness },
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
    blades: {
      overview: VaultOverview,
      properties: VaultProperties,
      networking: VaultNetworking,
      accesspolicies: VaultAccessPolicies,
      iam: VaultIam,
    },
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
    blades: { overview: SubscriptionOverview, resourceproviders: ResourceProviders },
  },
};

export function kindOf(resourceId: string): ResourceKind | undefined {
  const t = parseResourceId(resourceId)?.type.toLowerCase();
  if (t === 'microsoft.botservice/botservices') return 'bot';
  if (t === 'microsoft.keyvault/vaults') return 'vault';
  if (t === 'microsoft.resources/subscriptions') return 'subscription';
  return undefined;
}
