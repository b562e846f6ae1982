import { parseResourceId } from '../../arm/resource-id';

/**
 * The bot or vault an Activity log event is about, for its change records: the event may name the resource itself or
 * something under it (`…/vaults/{v}/accessPolicies/add`, a key, a role assignment or diagnostic setting on it).
 */
export function trackedResourceOf(resourceId: string | undefined): string | undefined {
  const id = resourceId ? parseResourceId(resourceId) : undefined;
  if (!id?.resourceGroup || !id.provider) return undefined;
  const m =
    /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/(?:Microsoft\.BotService\/botServices|Microsoft\.KeyVault\/vaults)\/[^/]+)/i.exec(
      id.id,
    );
  return m?.[1];
}
