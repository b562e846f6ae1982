import { invalid, type Refusal } from './errors';
import type { TwinKey, TwinKeyVersion, TwinRotationPolicy } from '../store/model';

const day = 24 * 60 * 60;

/** An ISO 8601 duration of years, months and days (`P90D`, `P1Y`, `P2Y6M`), in seconds (a month is 30 days). */
function durationSeconds(text: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(text);
  if (!m || text === 'P') return undefined;
  return (Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0)) * day;
}

const bad = (message: string): Refusal => invalid('BadParameter', message);

interface PolicyInput {
  lifetimeActions?: unknown;
  attributes?: { expiryTime?: unknown } | null;
}

/**
 * Key Vault's rules for a rotation policy (keys.json and how-to-configure-key-rotation): at most one Rotate and one
 * Notify action (either case), `timeAfterCreate` for Rotate only, ISO 8601 durations, an expiry time of at least 28
 * days, a rotation at least 7 days after creation and 7 days before expiry, and rotation before expiry only with an
 * expiry time. A Notify without an expiry time is taken: it is Key Vault's own default policy (Notify 30 days before
 * expiry), which it returns for every key without one, and it fires for versions that carry an expiry date.
 */
export function validatePolicy(
  input: PolicyInput,
): Pick<TwinRotationPolicy, 'lifetimeActions' | 'expiryTime'> | Refusal {
  const expiryText = input.attributes?.expiryTime;
  if (expiryText !== undefined && expiryText !== null && typeof expiryText !== 'string')
    return bad('The expiry time must be an ISO 8601 duration.');
  const expiry = typeof expiryText === 'string' ? durationSeconds(expiryText) : undefined;
  if (typeof expiryText === 'string' && expiry === undefined)
    return bad(`The expiry time '${expiryText}' is not an ISO 8601 duration such as P90D or P1Y.`);
  if (expiry !== undefined && expiry < 28 * day)
    return bad('The expiry time must be at least 28 days (P28D).');
  const raw = input.lifetimeActions ?? [];
  if (!Array.isArray(raw)) return bad('lifetimeActions must be an array.');
  const actions: TwinRotationPolicy['lifetimeActions'] = [];
  for (const a of raw as unknown[]) {
    const o = (a ?? {}) as { trigger?: Record<string, unknown>; action?: { type?: unknown } };
    const type = typeof o.action?.type === 'string' ? o.action.type.toLowerCase() : '';
    if (type !== 'rotate' && type !== 'notify')
      return bad(`The action type '${String(o.action?.type)}' is not Rotate or Notify.`);
    const action = type === 'rotate' ? 'Rotate' : 'Notify';
    if (actions.some((x) => x.action === action)) return bad(`A policy has at most one ${action} action.`);
    const after = o.trigger?.timeAfterCreate;
    const before = o.trigger?.timeBeforeExpiry;
    if ((after === undefined) === (before === undefined))
      return bad(`The ${action} action needs exactly one trigger: timeAfterCreate or timeBeforeExpiry.`);
    if (after !== undefined && action === 'Notify')
      return bad('timeAfterCreate applies to the Rotate action only.');
    const text = after ?? before;
    const secs = typeof text === 'string' ? durationSeconds(text) : undefined;
    if (secs === undefined)
      return bad(`The trigger '${String(text)}' is not an ISO 8601 duration such as P30D.`);
    if (action === 'Rotate' && before !== undefined && expiry === undefined)
      return bad('A Rotate action before expiry needs the policy’s expiry time.');
    if (action === 'Rotate' && secs < 7 * day)
      return bad('A rotation must come at least 7 days after creation or before expiry.');
    if (action === 'Rotate' && after !== undefined && expiry !== undefined && secs > expiry - 7 * day)
      return bad('A rotation after creation must come at least 7 days before the expiry time.');
    actions.push({
      action,
      trigger:
        after !== undefined ? { timeAfterCreate: after as string } : { timeBeforeExpiry: before as string },
    });
  }
  return { lifetimeActions: actions, expiryTime: typeof expiryText === 'string' ? expiryText : undefined };
}

/** When the policy rotates the key next (epoch seconds), or undefined when it does not rotate it. */
export function nextRotation(policy: TwinRotationPolicy, current: TwinKeyVersion): number | undefined {
  const rotate = policy.lifetimeActions.find((a) => a.action === 'Rotate');
  if (!rotate) return undefined;
  if (rotate.trigger.timeAfterCreate)
    return current.created + (durationSeconds(rotate.trigger.timeAfterCreate) ?? 0);
  if (rotate.trigger.timeBeforeExpiry && current.exp !== undefined)
    return current.exp - (durationSeconds(rotate.trigger.timeBeforeExpiry) ?? 0);
  return undefined;
}

/** The expiry a new version gets from the policy (epoch seconds), if the policy sets one. */
export function policyExpiry(policy: TwinRotationPolicy | undefined, createdSec: number): number | undefined {
  const secs = policy?.expiryTime ? durationSeconds(policy.expiryTime) : undefined;
  return secs === undefined ? undefined : createdSec + secs;
}

export const policyKey = (key: Pick<TwinKey, 'vaultId' | 'name'>) =>
  `${key.vaultId}/keys/${key.name}/rotationpolicy`;
