import { useQuery } from '@tanstack/react-query';
import { parseResourceId } from '../../arm/resource-id';
import { subscriptionsQuery } from '../../queries/resources';
import { useBlade } from '../../portal/blade/blade-context';
import type { Fact } from '../../portal/essentials';
import { resourceHash } from '../../portal/navigation/routes';
import { subscriptionById } from '../../domain/subscription-by-id';

/** The Essentials facts every resource shares (the portal's left column): resource group, location, subscription. */
export function useCommonFacts(location: string | undefined): Fact[] {
  const blade = useBlade();
  const subs = useQuery(subscriptionsQuery());
  const id = parseResourceId(blade.resourceId);
  const sub = subscriptionById(subs.data, id?.subscriptionId);
  return [
    { label: 'Resource group', value: id?.resourceGroup },
    { label: 'Location', value: location },
    {
      label: 'Subscription',
      value: sub?.displayName ?? id?.subscriptionId,
      href: resourceHash(`/subscriptions/${id?.subscriptionId}`, 'overview', blade.tenant),
    },
    { label: 'Subscription ID', value: id?.subscriptionId },
  ];
}
