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
import type { MenuGroup } from '../portal/resource-menu';
import { bladeChunks, type ResourceKind } from './pages';
import { preloadable, type Preloadable } from './preloadable';

export interface ResourceTypeDef {
  typeLabel: string;
  menu: MenuGroup[];
  /** Built blades by menu id, or by `menu/child` for a child blade (`menu/*`: any child, such as a key's name). */
  blades: Partial<Record<string, Preloadable<object>>>;
  /** Titles of the child blades, from the child's own segment. */
  children: Record<string, (child: string) => string>;
}

const bladesOf = (kind: ResourceKind): ResourceTypeDef['blades'] =>
  Object.fromEntries(
    Object.entries(bladeChunks[kind]).map(([id, chunk]) => [id, chunk && preloadable(chunk)]),
  );

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
    blades: bladesOf('bot'),
    children: {},
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
    blades: bladesOf('vault'),
    children: {
      'accesspolicies/create': () => 'Create an access policy',
      'accesspolicies/edit': () => 'Edit access policy',
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
    blades: bladesOf('subscription'),
    children: {},
  },
};
