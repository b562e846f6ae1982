import { Field, Input, Skeleton, SkeletonItem, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { botQuery } from '../../queries/resources';
import { encryptionFormFromBot } from './encryption-form';
import { useSession } from '../../auth/session';
import { parseVersionedKeyUrl } from '../../domain/key-url';
import { ReadinessPanel } from '../shared/readiness-panel';
import { useReadiness } from '../shared/use-readiness';

const WhoIsTold = lazy(() => import('../shared/alerts/who-is-told').then((m) => ({ default: m.WhoIsTold })));

/** CMK readiness on its own: the bot's current key, or any key the admin wants to check before using it. */
export default function ReadinessBlade() {
  const blade = useBlade();
  const suffix = useSession().cloud.keyVaultDnsSuffix;
  const bot = useQuery(botQuery(blade.resourceId));
  const current = bot.data ? encryptionFormFromBot(bot.data).keyUrl : '';
  const [typed, setTyped] = useState<string>();
  const keyUrl = typed ?? current;
  const check = useMemo(() => (keyUrl ? parseVersionedKeyUrl(keyUrl) : undefined), [keyUrl]);
  const readiness = useReadiness(bot.data, check?.ok ? check.url : undefined);
  return (
    <BladeFrame>
      {bot.error ? <ArmErrorBar error={bot.error} title="The bot could not be read" /> : null}
      {bot.isLoading ? (
        <Skeleton aria-label="Loading the bot">
          <SkeletonItem />
        </Skeleton>
      ) : (
        <>
          <Text>
            {current ? 'The bot uses the key below. ' : 'The bot uses Microsoft-managed keys. '}
            Enter any versioned key URL to check it against every prerequisite of Azure Bot Service
            customer-managed keys.
          </Text>
          <Field
            label="Key URL to check"
            validationState={check && !check.ok ? 'error' : 'none'}
            validationMessage={check && !check.ok ? check.message : undefined}
          >
            <Input
              value={keyUrl}
              onChange={(_, d) => setTyped(d.value)}
              placeholder={`https://{vault}${suffix}/keys/{key}/{version}`}
            />
          </Field>
          <ReadinessPanel readiness={readiness} />
          {current && readiness.vaultId && (
            <Suspense fallback={null}>
              <WhoIsTold botId={blade.resourceId} vaultId={readiness.vaultId} />
            </Suspense>
          )}
        </>
      )}
    </BladeFrame>
  );
}
