import { useMutation, useQueryClient } from '@tanstack/react-query';
import { armSleep } from '../../arm/client';
import { providersGet, providersRegister, providersUnregister } from '../../arm/operations/providers';
import type { Provider } from '../../arm/types/resources';
import { describeError } from '../../domain/error-wording';
import { useChangeReporter } from '../change-reporter';
import { queryKeys } from '../keys';

const pollMs = 3000;
/** Stop watching after half an hour of polling; the notification then says Azure is not done yet. */
const maxPolls = 600;

/**
 * Register or unregister a provider. Providers_Register is not a long-running operation: it answers `Registering`, so
 * the console polls Providers_Get until the state settles, then turns the notification into success in place.
 */
export function useProviderRegistration(subscriptionId: string) {
  const queryClient = useQueryClient();
  const { start } = useChangeReporter();
  const subId = `/subscriptions/${subscriptionId}`;
  return useMutation({
    mutationFn: async ({
      namespace,
      register,
    }: {
      namespace: string;
      register: boolean;
    }): Promise<Provider> => {
      const verb = register ? 'Registering' : 'Unregistering';
      const handle = start({
        title: `${verb} ${namespace}`,
        resourceId: subId,
        blade: 'resourceproviders',
      });
      const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.child(subId, 'providers') });
      try {
        let p = register
          ? await providersRegister(subscriptionId, namespace)
          : await providersUnregister(subscriptionId, namespace);
        await refresh();
        const target = register ? 'Registered' : 'NotRegistered';
        for (let i = 0; p.registrationState !== target && i < maxPolls; i++) {
          handle.progress(`State: ${p.registrationState ?? 'unknown'}`);
          await armSleep(pollMs);
          p = await providersGet(subscriptionId, namespace);
          if (p.registrationState === target || i % 3 === 2) await refresh();
        }
        if (p.registrationState !== target) {
          handle.warn(
            `${namespace} is still ${p.registrationState}`,
            'Azure has not finished yet; refresh the Resource providers blade later.',
          );
        } else
          handle.succeed(
            `${register ? 'Registered' : 'Unregistered'} ${namespace}`,
            `The subscription is now ${target} for ${namespace}.`,
          );
        await refresh();
        return p;
      } catch (e) {
        handle.fail(
          `Could not ${register ? 'register' : 'unregister'} ${namespace}`,
          describeError(e).message,
        );
        await refresh();
        throw e;
      }
    },
  });
}
