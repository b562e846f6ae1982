import { newerUsableVersion, versionUrlOf } from '../keys/key-versions';
import { keyProblems } from '../key-usability';
import type { Key } from '../../arm/types/key-vault';
import { errorOf, valueOf, type ReadinessCheck, type ReadinessInput } from './types';

const day = 24 * 60 * 60 * 1000;
const labels = {
  state: 'Key exists, is enabled and not expired',
  type: 'Key is RSA or RSA-HSM',
  ops: 'Key allows Wrap Key and Unwrap Key',
  expiry: 'Key does not expire within 30 days',
};
const utc = (sec: number) => new Date(sec * 1000).toUTCString();
/** Key Vault's date-time controlled operations: outside its validity a version still decrypts, unwraps and verifies. */
const datedInUse =
  'Key Vault refuses new wraps with this key, and still unwraps with it. Azure Bot Service’s behaviour after expiry is not documented: rotate before it expires.';

/** The key version itself, read against the same problems the key picker shows (domain/key-usability.ts). */
export function keyChecks(i: ReadinessInput): ReadinessCheck[] {
  const key = valueOf(i.keyVersion);
  if (i.keyVersion && 'error' in i.keyVersion && i.keyVersion.notFound) {
    const gone = 'This key version does not exist in the vault: it was deleted, or never created.';
    return [
      { id: 'key-state', label: labels.state, state: 'failed', reason: gone },
      ...(['key-type', 'key-operations', 'key-expiry'] as const).map((id, n) => ({
        id,
        label: [labels.type, labels.ops, labels.expiry][n]!,
        state: 'unknown' as const,
        reason: gone,
      })),
    ];
  }
  if (!key) {
    const why = errorOf(i.keyVersion) ?? 'Unknown.';
    return (['key-state', 'key-type', 'key-operations', 'key-expiry'] as const).map((id, n) => ({
      id,
      label: [labels.state, labels.type, labels.ops, labels.expiry][n]!,
      state: 'unknown' as const,
      reason: why,
    }));
  }
  const problems = keyProblems(key, i.nowMs);
  const check = (id: ReadinessCheck['id'], label: string, failure: string | undefined, ok: string) =>
    failure
      ? { id, label, state: 'failed' as const, reason: failure }
      : { id, label, state: 'passed' as const, reason: ok };
  const out: ReadinessCheck[] = [];
  const state = problems.find(
    (p) => p.kind === 'disabled' || p.kind === 'expired' || p.kind === 'not-yet-valid',
  );
  if (i.keyInUse && (state?.kind === 'expired' || state?.kind === 'not-yet-valid'))
    out.push({
      id: 'key-state',
      label: labels.state,
      state: 'warning',
      reason: `${state.kind === 'expired' ? `This key version expired on ${utc(state.atSec)}` : `This key version is not valid before ${utc(state.atSec)}`}: ${datedInUse}`,
    });
  else
    out.push(
      check(
        'key-state',
        labels.state,
        state?.kind === 'disabled'
          ? 'This key version is disabled. Enable it in Key Vault or choose another version.'
          : state?.kind === 'expired'
            ? `This key version expired on ${utc(state.atSec)}.`
            : state?.kind === 'not-yet-valid'
              ? `This key version is not valid before ${utc(state.atSec)}.`
              : undefined,
        'Enabled and within its validity period.',
      ),
    );
  const type = problems.find((p) => p.kind === 'wrong-type');
  const kty = key.properties.kty ?? '';
  out.push(
    check(
      'key-type',
      labels.type,
      type && `This is an ${kty || 'unknown'} key; Azure Bot Service wraps data with RSA keys.`,
      `${kty}${key.properties.keySize ? ` ${key.properties.keySize}` : ''}.`,
    ),
  );
  const ops = problems.find((p) => p.kind === 'missing-operations');
  out.push(
    check(
      'key-operations',
      labels.ops,
      ops?.kind === 'missing-operations' ? `The key does not allow ${ops.missing.join(' and ')}.` : undefined,
      'Wrap Key and Unwrap Key are allowed.',
    ),
  );
  const exp = key.properties.attributes?.exp;
  if (exp === undefined)
    out.push({ id: 'key-expiry', label: labels.expiry, state: 'passed', reason: 'No expiry date.' });
  else if (exp * 1000 <= i.nowMs)
    out.push({
      id: 'key-expiry',
      label: labels.expiry,
      state: i.keyInUse ? 'warning' : 'failed',
      reason: i.keyInUse ? `Expired on ${utc(exp)}: rotate to a new key now.` : 'Already expired.',
    });
  else if (exp * 1000 - i.nowMs < 30 * day)
    out.push({
      id: 'key-expiry',
      label: labels.expiry,
      state: 'warning',
      reason: `Expires on ${utc(exp)}: rotate to a new key before then.`,
    });
  else
    out.push({ id: 'key-expiry', label: labels.expiry, state: 'passed', reason: `Expires on ${utc(exp)}.` });
  const newest = newestCheck(i, key);
  if (newest) out.push(newest);
  return out;
}

/** After a rotation the bot keeps its version: a newer usable one is worth moving to (a warning, not a failure). */
function newestCheck(i: ReadinessInput, key: Key): ReadinessCheck | undefined {
  const versions = valueOf(i.keyVersions);
  const mine = versionUrlOf(key);
  if (!versions || !mine) return undefined;
  const newer = newerUsableVersion(mine, versions, i.nowMs);
  const label = 'The key’s newest usable version';
  if (!newer)
    return {
      id: 'key-newest',
      label,
      state: 'passed',
      reason: 'No newer usable version of this key exists.',
    };
  const created = newer.properties.attributes?.created;
  return {
    id: 'key-newest',
    label,
    state: 'warning',
    reason: `Version ${versionUrlOf(newer)?.version ?? newer.name} is newer${created ? ` (created ${utc(created)})` : ''}. Azure Bot Service does not follow a rotation: move the bot to it on its Encryption blade, and keep this version a week after.`,
  };
}
