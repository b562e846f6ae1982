import type { ArmRotationPolicy } from '../../arm/types/key-vault';
import type { KeyRotationPolicy } from '../../arm/types/key-vault-data';

/** The rotation policy as the admin edits it, in whole days. */
export interface RotationPolicyForm {
  rotate: 'none' | 'after-create' | 'before-expiry';
  rotateDays: string;
  notify: boolean;
  notifyDays: string;
  /** Expiry of each new version ('' for none). */
  expiryDays: string;
}

export type PolicyErrors = Partial<Record<'rotateDays' | 'notifyDays' | 'expiryDays', string>>;

const daysOf = (iso: string | undefined): string => {
  const m = iso ? /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(iso) : null;
  return m ? String(Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0)) : '';
};

/** Reads ARM's (lower-case) or the data plane's (capitalised) policy into the form. */
export function policyForm(p: ArmRotationPolicy | KeyRotationPolicy | undefined): RotationPolicyForm {
  const actions = p?.lifetimeActions ?? [];
  const type = (a: (typeof actions)[number]) => (a.action?.type ?? '').toLowerCase();
  const rotate = actions.find((a) => type(a) === 'rotate');
  const notify = actions.find((a) => type(a) === 'notify');
  return {
    rotate: rotate?.trigger?.timeAfterCreate
      ? 'after-create'
      : rotate?.trigger?.timeBeforeExpiry
        ? 'before-expiry'
        : 'none',
    rotateDays: daysOf(rotate?.trigger?.timeAfterCreate ?? rotate?.trigger?.timeBeforeExpiry),
    notify: notify !== undefined,
    notifyDays: daysOf(notify?.trigger?.timeBeforeExpiry) || '30',
    expiryDays: daysOf(p?.attributes?.expiryTime),
  };
}

const whole = (s: string) => (/^\d{1,5}$/.test(s.trim()) ? Number(s.trim()) : undefined);

/** Key Vault's rules, said before anything is sent (the service checks them too). */
export function policyErrors(f: RotationPolicyForm): PolicyErrors {
  const e: PolicyErrors = {};
  const expiry = f.expiryDays.trim() === '' ? undefined : whole(f.expiryDays);
  if (f.expiryDays.trim() !== '' && expiry === undefined) e.expiryDays = 'Enter a whole number of days.';
  else if (expiry !== undefined && expiry < 28) e.expiryDays = 'New versions must live at least 28 days.';
  if (f.rotate !== 'none') {
    const days = whole(f.rotateDays);
    if (days === undefined) e.rotateDays = 'Enter a whole number of days.';
    else if (days < 7) e.rotateDays = 'Key Vault rotates at least 7 days after creation or before expiry.';
    else if (f.rotate === 'before-expiry' && expiry === undefined)
      e.rotateDays = 'Rotating before expiry needs an expiry for new versions.';
    else if (f.rotate === 'after-create' && expiry !== undefined && days > expiry - 7)
      e.rotateDays = `Rotate at least 7 days before versions expire (at most ${expiry - 7} days).`;
  }
  if (f.notify && whole(f.notifyDays) === undefined) e.notifyDays = 'Enter a whole number of days.';
  return e;
}

/**
 * What the admin should know but may save anyway. Key Vault's default policy, which it returns for a key without one,
 * is Notify 30 days before expiry with no expiry time: saving it unchanged is fine.
 */
export function policyNotes(f: RotationPolicyForm): string[] {
  return f.notify && f.expiryDays.trim() === ''
    ? [
        'Key Vault notifies only for versions with an expiry date: this policy sets none for new versions (Key Vault’s own default does the same).',
      ]
    : [];
}

/** The data plane's body (capitalised action types, ISO 8601 durations). */
export function policyBody(f: RotationPolicyForm): KeyRotationPolicy {
  const actions: KeyRotationPolicy['lifetimeActions'] = [];
  if (f.rotate === 'after-create')
    actions.push({ trigger: { timeAfterCreate: `P${whole(f.rotateDays)}D` }, action: { type: 'Rotate' } });
  if (f.rotate === 'before-expiry')
    actions.push({ trigger: { timeBeforeExpiry: `P${whole(f.rotateDays)}D` }, action: { type: 'Rotate' } });
  if (f.notify)
    actions.push({ trigger: { timeBeforeExpiry: `P${whole(f.notifyDays)}D` }, action: { type: 'Notify' } });
  const expiry = f.expiryDays.trim() === '' ? undefined : `P${whole(f.expiryDays)}D`;
  return { lifetimeActions: actions, attributes: expiry ? { expiryTime: expiry } : {} };
}

/** One line for the keys list. */
export function policySummary(p: ArmRotationPolicy | KeyRotationPolicy | undefined): string {
  const f = policyForm(p);
  const parts: string[] = [];
  if (f.rotate === 'after-create') parts.push(`Rotates ${f.rotateDays} days after creation`);
  if (f.rotate === 'before-expiry') parts.push(`Rotates ${f.rotateDays} days before expiry`);
  if (f.expiryDays) parts.push(`new versions expire after ${f.expiryDays} days`);
  const rotation = parts.length ? parts.join(', ') : 'No automatic rotation';
  return f.notify ? `${rotation}; notifies ${f.notifyDays} days before a version expires` : rotation;
}
