import type { Permissions } from '../../arm/types/key-vault';

export type PermissionKind = 'keys' | 'secrets' | 'certificates';

export interface PermissionGroup {
  title: string;
  items: { value: string; label: string }[];
}

/** The wizard's groups and labels, as the portal shows them, with the wire values of the Key Vault enums. */
export const permissionCatalog: Record<PermissionKind, { title: string; groups: PermissionGroup[] }> = {
  keys: {
    title: 'Key permissions',
    groups: [
      {
        title: 'Key Management Operations',
        items: [
          ['get', 'Get'],
          ['list', 'List'],
          ['update', 'Update'],
          ['create', 'Create'],
          ['import', 'Import'],
          ['delete', 'Delete'],
          ['recover', 'Recover'],
          ['backup', 'Backup'],
          ['restore', 'Restore'],
        ].map(([value, label]) => ({ value: value as string, label: label as string })),
      },
      {
        title: 'Cryptographic Operations',
        items: [
          ['decrypt', 'Decrypt'],
          ['encrypt', 'Encrypt'],
          ['unwrapKey', 'Unwrap Key'],
          ['wrapKey', 'Wrap Key'],
          ['verify', 'Verify'],
          ['sign', 'Sign'],
        ].map(([value, label]) => ({ value: value as string, label: label as string })),
      },
      {
        title: 'Privileged Key Operations',
        items: [
          { value: 'purge', label: 'Purge' },
          { value: 'release', label: 'Release' },
        ],
      },
      {
        title: 'Rotation Policy Operations',
        items: [
          { value: 'rotate', label: 'Rotate' },
          { value: 'getrotationpolicy', label: 'Get Rotation Policy' },
          { value: 'setrotationpolicy', label: 'Set Rotation Policy' },
        ],
      },
    ],
  },
  secrets: {
    title: 'Secret permissions',
    groups: [
      {
        title: 'Secret Management Operations',
        items: [
          ['get', 'Get'],
          ['list', 'List'],
          ['set', 'Set'],
          ['delete', 'Delete'],
          ['recover', 'Recover'],
          ['backup', 'Backup'],
          ['restore', 'Restore'],
        ].map(([value, label]) => ({ value: value as string, label: label as string })),
      },
      { title: 'Privileged Secret Operations', items: [{ value: 'purge', label: 'Purge' }] },
    ],
  },
  certificates: {
    title: 'Certificate permissions',
    groups: [
      {
        title: 'Certificate Management Operations',
        items: [
          ['get', 'Get'],
          ['list', 'List'],
          ['update', 'Update'],
          ['create', 'Create'],
          ['import', 'Import'],
          ['delete', 'Delete'],
          ['recover', 'Recover'],
          ['backup', 'Backup'],
          ['restore', 'Restore'],
          ['managecontacts', 'Manage Contacts'],
          ['manageissuers', 'Manage Certificate Authorities'],
          ['getissuers', 'Get Certificate Authorities'],
          ['listissuers', 'List Certificate Authorities'],
          ['setissuers', 'Set Certificate Authorities'],
          ['deleteissuers', 'Delete Certificate Authorities'],
        ].map(([value, label]) => ({ value: value as string, label: label as string })),
      },
      { title: 'Privileged Certificate Operations', items: [{ value: 'purge', label: 'Purge' }] },
    ],
  },
};

const allValues = (kind: PermissionKind) =>
  permissionCatalog[kind].groups.flatMap((g) => g.items.map((i) => i.value));

export interface PermissionTemplate {
  id: string;
  label: string;
  permissions: Required<Pick<Permissions, 'keys' | 'secrets' | 'certificates'>>;
}

export const templates: PermissionTemplate[] = [
  {
    id: 'bot-cmek',
    label: 'Bot Service CMEK (Get, Wrap Key, Unwrap Key)',
    permissions: { keys: ['get', 'wrapKey', 'unwrapKey'], secrets: [], certificates: [] },
  },
  {
    id: 'kv-secret-cert',
    label: 'Key, Secret, & Certificate Management',
    permissions: {
      keys: allValues('keys').filter((v) => !['purge', 'release'].includes(v)),
      secrets: allValues('secrets').filter((v) => v !== 'purge'),
      certificates: allValues('certificates').filter((v) => v !== 'purge'),
    },
  },
  {
    id: 'key-secret',
    label: 'Key & Secret Management',
    permissions: {
      keys: allValues('keys').filter((v) => !['purge', 'release'].includes(v)),
      secrets: allValues('secrets').filter((v) => v !== 'purge'),
      certificates: [],
    },
  },
  {
    id: 'secret',
    label: 'Secret Management',
    permissions: { keys: [], secrets: allValues('secrets').filter((v) => v !== 'purge'), certificates: [] },
  },
  {
    id: 'cert',
    label: 'Certificate Management',
    permissions: {
      keys: [],
      secrets: [],
      certificates: allValues('certificates').filter((v) => v !== 'purge'),
    },
  },
  {
    id: 'storage-cmk',
    label: 'Azure Data Lake Storage or Azure Storage',
    permissions: { keys: ['get', 'list', 'wrapKey', 'unwrapKey'], secrets: [], certificates: [] },
  },
  {
    id: 'sql',
    label: 'SQL Server Connector',
    permissions: { keys: ['get', 'list', 'wrapKey', 'unwrapKey'], secrets: [], certificates: [] },
  },
];

function labelOf(kind: PermissionKind, value: string): string {
  for (const g of permissionCatalog[kind].groups)
    for (const i of g.items) if (i.value.toLowerCase() === value.toLowerCase()) return i.label;
  return value === 'all' ? 'All' : value;
}

/** "None selected", "All selected", or the labels. */
export function summarize(kind: PermissionKind, values: string[] | undefined): string {
  const v = values ?? [];
  if (v.length === 0) return 'None selected';
  if (
    v.some((x) => x.toLowerCase() === 'all') ||
    allValues(kind).every((a) => v.some((x) => x.toLowerCase() === a.toLowerCase()))
  )
    return 'All selected';
  return v.map((x) => labelOf(kind, x)).join(', ');
}

/** Normalises values to the catalog's casing so the form compares and displays consistently. */
export function normalizePermissions(kind: PermissionKind, values: string[] | undefined): string[] {
  const known = allValues(kind);
  return (values ?? []).flatMap((v) =>
    v.toLowerCase() === 'all' ? known : [known.find((k) => k.toLowerCase() === v.toLowerCase()) ?? v],
  );
}
