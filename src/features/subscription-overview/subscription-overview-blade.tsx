import { markContentShown } from '../../portal/content-shown';
import { useEffect } from 'react';
import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { parseResourceId } from '../../arm/resource-id';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { Essentials } from '../../portal/essentials';
import { subscriptionsQuery } from '../../queries/resources';
import { subscriptionById } from '../../domain/subscription-by-id';

export default function SubscriptionOverviewBlade() {
  const blade = useBlade();
  const subs = useQuery(subscriptionsQuery());
  const settled = !subs.isLoading;
  useEffect(() => {
    if (settled) markContentShown();
  }, [settled]);
  const subId = parseResourceId(blade.resourceId)?.subscriptionId.toLowerCase();
  const sub = subscriptionById(subs.data, subId);
  return (
    <BladeFrame>
      {subs.error ? <ArmErrorBar error={subs.error} onRetry={() => void subs.refetch()} /> : null}
      {subs.isLoading ? (
        <Skeleton aria-label="Loading the subscription">
          <SkeletonItem />
        </Skeleton>
      ) : null}
      {subs.data && !sub && (
        <ArmErrorBar
          error={new Error('This subscription is not in the list you can see.')}
          title="Subscription not found"
        />
      )}
      {sub && (
        <Essentials
          facts={[
            { label: 'Subscription ID', value: sub.subscriptionId },
            { label: 'Subscription name', value: sub.displayName },
            { label: 'Directory ID', value: sub.tenantId ?? '—' },
            { label: 'Status', value: sub.state ?? '—' },
          ]}
        />
      )}
    </BladeFrame>
  );
}
