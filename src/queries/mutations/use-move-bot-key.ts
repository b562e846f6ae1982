import { useQueryClient } from '@tanstack/react-query';
import { botsUpdate } from '../../arm/operations/bots';
import { parseResourceId } from '../../arm/resource-id';
import { cmekPatch, stateOfBot } from '../../domain/bot-encryption';
import { ChangedMeanwhileError } from '../../domain/changed-meanwhile';
import { sameKeyUrl, type VersionedKeyUrl } from '../../domain/key-url';
import { botQuery } from '../resources';
import { useArmMutation } from '../use-arm-mutation';

export interface BotMove {
  botId: string;
  from: VersionedKeyUrl;
  to: VersionedKeyUrl;
}

/**
 * Follow a rotation: a bot moved to a newer version of its key (Bots_Update through ARM). The bot is read again first;
 * if its key changed meanwhile, nothing is written.
 */
export function useMoveBotKey() {
  const queryClient = useQueryClient();
  return useArmMutation({
    mutationFn: async (m: BotMove) => {
      const name = parseResourceId(m.botId)?.name ?? m.botId;
      const latest = await queryClient.fetchQuery({ ...botQuery(m.botId), staleTime: 0 });
      const state = stateOfBot(latest);
      if (!state.cmek || !sameKeyUrl(state.key, m.from))
        throw new ChangedMeanwhileError(`the key of ${name}`);
      return botsUpdate(m.botId, cmekPatch(latest, m.to));
    },
    describe: (m) => {
      const name = parseResourceId(m.botId)?.name ?? m.botId;
      return {
        resourceId: m.botId,
        running: `Moving ${name} to the newer version of ${m.to.keyName}`,
        done: `Moved ${name} to the newer version of ${m.to.keyName}`,
        doneMessage: `Now on version ${m.to.version}. Keep version ${m.from.version} enabled for at least a week while the bot's data is re-encrypted.`,
        failed: `Could not move ${name} to the new version`,
      };
    },
    // The bot, the bot lists of its subscription, and Resource Graph's answers (who uses which key).
    invalidates: (m) => [
      m.botId,
      `/subscriptions/${parseResourceId(m.botId)?.subscriptionId}`,
      '/providers/Microsoft.ResourceGraph/resources',
    ],
  });
}
