import {
  BotRegular,
  BoxMultipleRegular,
  ClipboardTaskListLtrRegular,
  DocumentBulletListRegular,
  GlobeShieldRegular,
  HomeRegular,
  LockClosedRegular,
  PeopleRegular,
  PlugConnectedRegular,
  SettingsRegular,
  ShieldKeyholeRegular,
  TagRegular,
  WrenchRegular,
  ChatRegular,
  DiagramRegular,
  DataUsageSettingsRegular,
  HistoryRegular,
  KeyMultipleRegular,
  KeyRegular,
} from '@fluentui/react-icons';
import type { MenuGroup } from '../portal/resource-menu';
import { bladeChunks, type ResourceKind } from './pages';
import { preloadable, type Preloadable } from './preloadable';

export interface ResourceTypeDef {
  typeLabel: string;
  menu: MenuGroup[];
  /** Built blades by menu id, or by `menu/child` for a child blade (`menu/*`: every child, such as a key by its name). */
  blades: Partial<Record<string, Preloadable<object>>>;
  /** Titles of the child blades, from the child's own segment. */
  children: Record<string, (child: string) => string>;
}

const bladesOf = (kind: ResourceKind): ResourceTypeDef['blades'] =>
  Object.fromEntries(
    Object.entries(bladeChunks[kind]).map(([id, chunk]) => [id, chunk && preloadable(chunk)]),
  );

/** Entries the Azure portal has and Keyguard does not build: links to the portal's blade, in live mode only. */
const external = (id: string, label: string, icon: MenuGroup['items'][number]['icon']) => ({
  id,
  label,
  icon,
  external: true,
});

const common = (): MenuGroup => ({
  items: [
    { id: 'overview', label: 'Overview', icon: <HomeRegular /> },
    { id: 'activitylog', label: 'Activity log', icon: <HistoryRegular /> },
    { id: 'iam', label: 'Access control (IAM)', icon: <PeopleRegular /> },
    external('tags', 'Tags', <TagRegular />),
    external('troubleshoot', 'Diagnose and solve problems', <WrenchRegular />),
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
          external('botprofile', 'Bot profile', <BotRegular />),
          external('configuration', 'Configuration', <SettingsRegular />),
          external('channels', 'Channels', <PlugConnectedRegular />),
          { id: 'testinwebchat', label: 'Test in Web Chat', icon: <ChatRegular /> },
          external('networking', 'Networking', <GlobeShieldRegular />),
          external('properties', 'Properties', <DocumentBulletListRegular />),
          external('locks', 'Locks', <LockClosedRegular />),
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
      {
        title: 'Settings',
        items: [
          { id: 'keys', label: 'Keys', icon: <KeyRegular /> },
          { id: 'accesspolicies', label: 'Access policies', icon: <PeopleRegular /> },
          { id: 'networking', label: 'Networking', icon: <GlobeShieldRegular /> },
          { id: 'properties', label: 'Properties', icon: <DocumentBulletListRegular /> },
          external('locks', 'Locks', <LockClosedRegular />),
        ],
      },
      {
        title: 'Monitoring',
        items: [
          { id: 'diagnosticsettings', label: 'Diagnostic settings', icon: <DataUsageSettingsRegular /> },
          { id: 'keyusage', label: 'Key usage', icon: <KeyMultipleRegular /> },
        ],
      },
    ],
    blades: bladesOf('vault'),
    children: {
      'accesspolicies/create': () => 'Create an access policy',
      'accesspolicies/edit': () => 'Edit access policy',
      'keys/*': (name) => `Key ${name}`,
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
