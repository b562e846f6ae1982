export interface ResourceId {
  /** As given, with a leading slash and no trailing slash. */
  id: string;
  subscriptionId: string;
  resourceGroup?: string;
  /** e.g. `Microsoft.KeyVault` */
  provider?: string;
  /** e.g. `Microsoft.KeyVault/vaults` or `Microsoft.KeyVault/vaults/keys` */
  type: string;
  /** The last segment's name. */
  name: string;
  /** Names along the type chain, e.g. [vault, key]. */
  names: string[];
}

/** Parses an ARM resource id; returns undefined for anything that is not one. */
export function parseResourceId(raw: string): ResourceId | undefined {
  const trimmed = raw.trim().replace(/\/+$/, '');
  const parts = trimmed.split('/');
  if (parts[0] !== '' || parts.length < 3 || parts[1]?.toLowerCase() !== 'subscriptions' || !parts[2])
    return undefined;
  if (parts.some((p, i) => i > 0 && p === '')) return undefined;
  const subscriptionId = parts[2];
  const id = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  if (parts.length === 3)
    return {
      id,
      subscriptionId,
      type: 'Microsoft.Resources/subscriptions',
      name: subscriptionId,
      names: [subscriptionId],
    };
  let i = 3;
  let resourceGroup: string | undefined;
  if (parts[i]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = parts[i + 1];
    if (!resourceGroup) return undefined;
    i += 2;
    if (i === parts.length)
      return {
        id,
        subscriptionId,
        resourceGroup,
        type: 'Microsoft.Resources/resourceGroups',
        name: resourceGroup,
        names: [resourceGroup],
      };
  }
  if (parts[i]?.toLowerCase() !== 'providers' || !parts[i + 1]) return undefined;
  const provider = parts[i + 1] as string;
  const rest = parts.slice(i + 2);
  if (rest.length === 0) {
    return resourceGroup
      ? undefined
      : {
          id,
          subscriptionId,
          provider,
          type: 'Microsoft.Resources/providers',
          name: provider,
          names: [provider],
        };
  }
  if (rest.length % 2 !== 0) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let j = 0; j < rest.length; j += 2) {
    types.push(rest[j] as string);
    names.push(rest[j + 1] as string);
  }
  return {
    id,
    subscriptionId,
    resourceGroup,
    provider,
    type: [provider, ...types].join('/'),
    name: names[names.length - 1] as string,
    names,
  };
}

/** ARM ids are case-insensitive; this is the form used for comparisons and query keys. */
export function normalizeResourceId(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}
