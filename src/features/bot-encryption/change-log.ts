import { normalizeResourceId } from '../../arm/resource-id';
import type { ChangeKind } from './encryption-form';

/**
 * What this console itself did to a bot's encryption (Azure does not say when encryption started): when it saved,
 * what kind of change, and for a rotation the key that was replaced. Kept in localStorage, never a secret.
 */
export interface ChangeRecord {
  kind: Exclude<ChangeKind, 'none'>;
  /** Server time (from the Date header) of the save. */
  at: number;
  keyUrl?: string;
  previousKeyUrl?: string;
  announced?: boolean;
}

const keyOf = (botId: string) => `keyguard.cmek-change.${normalizeResourceId(botId)}`;

export function readChange(botId: string): ChangeRecord | undefined {
  try {
    const raw = localStorage.getItem(keyOf(botId));
    return raw ? (JSON.parse(raw) as ChangeRecord) : undefined;
  } catch {
    return undefined;
  }
}

export function writeChange(botId: string, record: ChangeRecord): void {
  try {
    localStorage.setItem(keyOf(botId), JSON.stringify(record));
  } catch {
    // Storage full or blocked: progress then shows without the time since the change.
  }
}

export const weekMs = 7 * 24 * 60 * 60 * 1000;
