import type { Bot } from '../../arm/types/bot';
import { sameKeyUrl, type VersionedKeyUrl } from '../../domain/key-url';
import { useReadiness, type Readiness } from '../shared/use-readiness';

export interface EncryptionChecks {
  /** The key being chosen (or the current one while nothing is typed). */
  candidate: Readiness;
  /** The key the bot uses now: whether Azure Bot Service can still reach it. */
  current: Readiness;
  /** The key a rotation replaced, while the week it must stay usable runs. */
  previous: Readiness;
  recheck(): void;
}

/** Readiness of the keys the Encryption blade talks about, each read once. */
export function useEncryptionChecks(
  bot: Bot | undefined,
  keys: { current?: VersionedKeyUrl; candidate?: VersionedKeyUrl; previous?: VersionedKeyUrl },
): EncryptionChecks {
  const same = sameKeyUrl(keys.candidate, keys.current);
  const candidate = useReadiness(bot, keys.candidate);
  const current = useReadiness(bot, same ? undefined : keys.current);
  const previous = useReadiness(bot, keys.previous);
  return {
    candidate,
    current: same ? candidate : current,
    previous,
    recheck: () => {
      candidate.recheck();
      if (!same) current.recheck();
      previous.recheck();
    },
  };
}
