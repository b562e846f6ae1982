import { useQueryClient } from '@tanstack/react-query';
import { botsUpdate } from '../../arm/operations/bots';
import type { Bot } from '../../arm/types/bot';
import { useBlade } from '../../portal/blade/blade-context';
import { botQuery } from '../../queries/resources';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { writeIfUnchanged } from '../../queries/write-if-unchanged';
import {
  encryptionFormFromBot,
  encryptionPatch,
  type EncryptionForm,
  type EncryptionTarget,
} from './encryption-form';
import { settingsSaveKey } from '../../portal/form/use-settings-form';

/**
 * Save: the bot is read again right before the PATCH, and nothing is written when another admin changed its
 * encryption meanwhile (Bot Service updates carry no ETag).
 */
export function useEncryptionSave(
  base: EncryptionForm | undefined,
  onSaved: (result: Bot, target: EncryptionTarget) => void,
) {
  const blade = useBlade();
  const queryClient = useQueryClient();
  const name = blade.resourceName;
  return useArmMutation({
    mutationKey: settingsSaveKey(blade.resourceId),
    mutationFn: (target: EncryptionTarget) =>
      writeIfUnchanged({
        queryClient,
        query: botQuery(blade.resourceId),
        toForm: encryptionFormFromBot,
        base: base as EncryptionForm,
        what: `the encryption settings of ${name}`,
        write: (latest) => botsUpdate(blade.resourceId, encryptionPatch(latest, target)),
      }),
    describe: (target) => ({
      resourceId: blade.resourceId,
      running:
        target.type === 'customer'
          ? `Saving customer-managed key for ${name}`
          : `Switching ${name} to Microsoft-managed keys`,
      done: `Saved encryption settings of ${name}`,
      doneMessage:
        'Azure Bot Service now encrypts in the background (up to 24 hours); the bot keeps working.',
      failed: `Could not save encryption settings of ${name}`,
    }),
    invalidates: () => [blade.resourceId],
    onSuccess: (result, target) => {
      queryClient.setQueryData(botQuery(blade.resourceId).queryKey, result);
      onSaved(result, target);
    },
  });
}
