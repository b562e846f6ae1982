import { MessageBar, MessageBarBody, MessageBarTitle, ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../portal/query-state';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { Essentials } from '../../portal/essentials';
import { useCommonFacts } from '../../portal/use-common-facts';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { botQuery } from '../../queries/resources';
import { MessageTest } from './message-test';

export default function BotOverviewBlade() {
  const blade = useBlade();
  const bot = useQuery(botQuery(blade.resourceId));
  const p = bot.data?.properties;
  const commonFacts = useCommonFacts(bot.data?.location);
  return (
    <BladeFrame
      commands={
        <ToolbarButton
          icon={<ArrowClockwiseRegular />}
          onClick={() => void bot.refetch()}
          disabled={bot.isFetching}
        >
          Refresh
        </ToolbarButton>
      }
    >
      <QueryState query={bot} what="bot" />
      {bot.data && p?.isCmekEnabled && p.provisioningState === 'Failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The bot cannot use its encryption key</MessageBarTitle>
            Azure reports “{p.cmekEncryptionStatus}”: the bot cannot send or receive messages and its
            configuration cannot be read.{' '}
            <RouterLink href={resourceHash(blade.resourceId, 'encryption', blade.tenant)}>
              See what broke and fix it
            </RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
      {bot.data && (
        <Essentials
          facts={[
            ...commonFacts,
            { label: 'Display name', value: p?.displayName },
            { label: 'Messaging endpoint', value: p?.endpoint || 'Not readable' },
            { label: 'Microsoft App ID', value: p?.msaAppId || 'Not readable' },
            { label: 'App type', value: p?.msaAppType ?? '—' },
            { label: 'Pricing tier', value: bot.data.sku?.name ?? '—' },
            {
              label: 'Encryption',
              value: (
                <RouterLink href={resourceHash(blade.resourceId, 'encryption', blade.tenant)}>
                  {p?.isCmekEnabled ? 'Customer-managed key' : 'Microsoft-managed keys'} (
                  {p?.cmekEncryptionStatus ?? 'status unknown'})
                </RouterLink>
              ),
            },
          ]}
        />
      )}
      {bot.data && <MessageTest botId={blade.resourceId} tenant={blade.tenant} />}
    </BladeFrame>
  );
}
