import { useEffect, useRef } from 'react';
import type { Bot } from '../../arm/types/bot';
import { useBlade } from '../../portal/blade/blade-context';
import { useNotifications } from '../../portal/notifications/notifications-context';
import { phaseOf, type StatusPhase } from '../../domain/encryption-status';

/** Tells the admin when Azure reports that the work after a change has finished. */
export function useFinishedNotice(bot: Bot | undefined): StatusPhase | undefined {
  const blade = useBlade();
  const { post } = useNotifications();
  const phase = bot
    ? phaseOf(bot.properties.cmekEncryptionStatus, bot.properties.isCmekEnabled === true)
    : undefined;
  const status = bot?.properties.cmekEncryptionStatus;
  const lastPhase = useRef(phase);
  useEffect(() => {
    if (lastPhase.current === 'working' && (phase === 'done' || phase === 'off')) {
      post({
        title:
          phase === 'done'
            ? `Encryption finished for ${blade.resourceName}`
            : `${blade.resourceName} is back on Microsoft-managed keys`,
        message: `Azure reports “${status}”.`,
        status: 'success',
        resourceId: blade.resourceId,
        blade: 'encryption',
        tenant: blade.tenant,
      });
    }
    lastPhase.current = phase;
  }, [phase, status, post, blade.resourceId, blade.resourceName, blade.tenant]);
  return phase;
}
