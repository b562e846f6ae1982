/**
 * Reading Azure's free-form `cmekEncryptionStatus`. Only "Off" is documented; other words are recognised by meaning,
 * and a status the console does not recognise is shown verbatim and treated as "maybe still working".
 */
export type StatusPhase = 'off' | 'working' | 'done' | 'failed' | 'unknown';

export function phaseOf(status: string | null | undefined, cmekEnabled: boolean): StatusPhase {
  const s = (status ?? '').trim().toLowerCase();
  if (!s) return 'unknown';
  if (s === 'off') return cmekEnabled ? 'working' : 'off';
  if (/(fail|error|inaccessible|denied|revoked|unavailable)/.test(s)) return 'failed';
  if (/(progress|encrypting|decrypting|rotating|pending|running|updating|provisioning)/.test(s))
    return 'working';
  if (/^(on|enabled|encrypted|succeeded|completed|complete)$/.test(s))
    return cmekEnabled ? 'done' : 'working';
  return 'unknown';
}

/** The documented upper bound for encryption after a change. */
export const documentedMaxMs = 24 * 60 * 60 * 1000;

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}
