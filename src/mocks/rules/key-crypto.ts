import type { TwinKeyVersion } from '../store/model';

/** The cryptographic operations Key Vault performs with a key (keys.json JsonWebKeyOperation). */
export type CryptoOperation = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'wrapKey' | 'unwrapKey';

/** Outside a version's validity Key Vault refuses these; decrypt, unwrap and verify still work. */
const dateControlled: CryptoOperation[] = ['encrypt', 'wrapKey', 'sign'];

export interface CryptoRefusal {
  status: number;
  code: string;
  inner?: string;
  message: string;
}

/**
 * Whether Key Vault performs `op` with this version now: a disabled version nothing; an expired or not yet valid one
 * only decrypt, unwrap and verify (Key Vault's "date-time controlled operations"); an operation the key's key_ops
 * does not list never.
 */
export function cryptoRefusal(
  version: TwinKeyVersion,
  op: CryptoOperation,
  nowSec: number,
): CryptoRefusal | undefined {
  if (!version.enabled)
    return {
      status: 403,
      code: 'Forbidden',
      inner: 'KeyDisabled',
      message: `Operation ${op} is not allowed on a disabled key.`,
    };
  if (dateControlled.includes(op)) {
    if (version.exp !== undefined && version.exp <= nowSec)
      return {
        status: 403,
        code: 'Forbidden',
        inner: 'KeyOutsideValidity',
        message: `Operation ${op} is not allowed on an expired key.`,
      };
    if (version.nbf !== undefined && version.nbf > nowSec)
      return {
        status: 403,
        code: 'Forbidden',
        inner: 'KeyOutsideValidity',
        message: `Operation ${op} is not allowed on a key that is not yet valid.`,
      };
  }
  if (!version.keyOps.includes(op))
    return {
      status: 400,
      code: 'BadParameter',
      message: `Operation ${op} is not allowed by the key's key_ops.`,
    };
  return undefined;
}
