import type { Key } from '../arm/types/key-vault';

/** Why Azure Bot Service could not wrap and unwrap with a key version, one reason each. */
export type KeyProblem =
  | { kind: 'disabled' }
  | { kind: 'expired'; atSec: number }
  | { kind: 'not-yet-valid'; atSec: number }
  | { kind: 'wrong-type'; kty: string }
  | { kind: 'missing-operations'; missing: string[] };

/** The state problems (disabled, expired, not yet valid) come first: they are the ones an admin can change. */
export function keyProblems(key: Key, nowMs: number): KeyProblem[] {
  const p = key.properties;
  const a = p.attributes ?? {};
  const nowSec = nowMs / 1000;
  const out: KeyProblem[] = [];
  if (a.enabled === false) out.push({ kind: 'disabled' });
  else if (a.exp !== undefined && a.exp <= nowSec) out.push({ kind: 'expired', atSec: a.exp });
  else if (a.nbf !== undefined && a.nbf > nowSec) out.push({ kind: 'not-yet-valid', atSec: a.nbf });
  if (p.kty !== 'RSA' && p.kty !== 'RSA-HSM') out.push({ kind: 'wrong-type', kty: p.kty ?? 'unknown' });
  const missing = ['wrapKey', 'unwrapKey'].filter((o) => !(p.keyOps ?? []).includes(o));
  if (missing.length) out.push({ kind: 'missing-operations', missing });
  return out;
}

const date = (sec: number) => new Date(sec * 1000).toLocaleDateString();

/** A problem in a few words (lists and pickers). */
function shortProblem(problem: KeyProblem): string {
  switch (problem.kind) {
    case 'disabled':
      return 'Disabled';
    case 'expired':
      return `Expired on ${date(problem.atSec)}`;
    case 'not-yet-valid':
      return `Not valid before ${date(problem.atSec)}`;
    case 'wrong-type':
      return `${problem.kty} key: RSA needed`;
    case 'missing-operations':
      return `Does not allow ${problem.missing.join(' and ')}`;
  }
}

/** Why Azure Bot Service could not use this key version, in a few words; undefined when it can. */
export function keyUnusableReason(key: Key, nowMs: number): string | undefined {
  const [first] = keyProblems(key, nowMs);
  return first && shortProblem(first);
}
