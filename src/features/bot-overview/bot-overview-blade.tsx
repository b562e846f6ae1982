import { MessageBar, MessageBarBody, MessageBarTitle, ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { stateOfBot } from '../../domain/bot-encryption';
import { keyOutOfReach } from '../../domain/readiness/evaluate';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { Essentials } from '../../portal/essentials';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { QueryState } from '../../portal/query-state';
import { botQuery } from '../../queries/resources';
import { useCommonFacts } from '../shared/use-common-facts';
import { useReadiness } from '../shared/use-readiness';
import { MessageTest, useMessageTest } from './message-test';

// Loaded once the bot is known: the Overview shows without it.
const FiredAlertsBar = lazy(() =>
  import('../shared/alerts/fired-alerts-bar').then((m) => ({ default: m.FiredAlertsBar })),
);

export default function BotOverviewBlade() {
  const blade = useBlade();
  const bot = useQuery(botQuery(blade.resourceId));
  const p = bot.data?.properties;
  const commonFacts = useCommonFacts(bot.data?.location);
  const current = bot.data ? stateOfBot(bot.data) : undefined;
  // Whether the bot can still use its key rests on documented facts: its key's readiness and a real message.
  const readiness = useReadiness(bot.data, current?.cmek ? current.key : undefined);
  const broken = keyOutOfReach(readiness.checks);
  const test = useMessageTest(blade.resourceId);
  const encryptionLink = (text: string) => (
    <RouterLink href={resourceHash(blade.resourceId, 'encryption', blade.tenant)}>{text}</RouterLink>
  );
  return (
    <BladeFrame
      commands={
        <ToolbarButton
          icon={<ArrowClockwiseRegular />}
          onClick={() => (void bot.refetch(), readiness.recheck())}
          disabled={bot.isFetching}
        >
          Refresh
        </ToolbarButton>
      }
    >
      <QueryState query={bot} what="bot" />
      {current?.cmek && (
        <Suspense fallback={null}>
          <FiredAlertsBar botId={blade.resourceId} vaultId={readiness.vaultId} />
        </Suspense>
      )}
      {current?.cmek && broken.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The bot cannot use its encryption key</MessageBarTitle>
            {broken.map((c) => c.reason).join(' ')} The bot cannot send or receive messages and its
            configuration cannot be read. {encryptionLink('See what broke and fix it')}
          </MessageBarBody>
        </MessageBar>
      )}
      {current?.cmek && broken.length === 0 && test.isError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The bot did not answer its test message</MessageBarTitle>
            Its key passed the checks Keyguard can make, but the bot did not answer: {test.error.message}{' '}
            {encryptionLink('Check the bot’s encryption')}
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
              value: encryptionLink(
                `${p?.isCmekEnabled ? 'Customer-managed key' : 'Microsoft-managed keys'} (${p?.cmekEncryptionStatus ?? 'status unknown'})`,
              ),
            },
          ]}
        />
      )}
      {bot.data && <MessageTest test={test} botId={blade.resourceId} tenant={blade.tenant} />}
    </BladeFrame>
  );
}
