import type { ArmRotationPolicy } from '../../arm/types/key-vault';
import type {
  DeletedKeyBundle,
  DeletedKeyItem,
  KeyBundle,
  KeyRotationPolicy,
} from '../../arm/types/key-vault-data';
import type { TwinDeletedKey, TwinKey, TwinKeyVersion, TwinRotationPolicy, TwinVault } from '../store/model';
import { vaultUriOf } from '../store/world';

const base = (v: TwinVault) => vaultUriOf(v).replace(/\/+$/, '');

function recoveryLevelOf(v: TwinVault): string {
  return v.enablePurgeProtection ? 'Recoverable' : v.enableSoftDelete ? 'Recoverable+Purgeable' : 'Purgeable';
}

/** Public key material that looks the part: base64url of bytes drawn from the version (no real key exists). */
function modulus(version: string, bits: number): string {
  const bytes = new Uint8Array(bits / 8);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(version.charAt(i % 32), 16) * 16 + (i % 16);
  bytes[0]! |= 0x80;
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function attributes(vault: TwinVault, v: TwinKeyVersion) {
  return {
    enabled: v.enabled,
    ...(v.nbf !== undefined ? { nbf: v.nbf } : {}),
    ...(v.exp !== undefined ? { exp: v.exp } : {}),
    created: v.created,
    updated: v.updated,
    recoveryLevel: recoveryLevelOf(vault),
    ...(vault.enableSoftDelete ? { recoverableDays: vault.softDeleteRetentionInDays } : {}),
    exportable: false,
  };
}

export function keyBundleJson(vault: TwinVault, key: TwinKey, v: TwinKeyVersion): KeyBundle {
  const isRsa = v.kty.startsWith('RSA');
  return {
    key: {
      kid: `${base(vault)}/keys/${key.name}/${v.version}`,
      kty: v.kty,
      key_ops: [...v.keyOps],
      ...(isRsa
        ? { n: modulus(v.version, v.keySize ?? 2048), e: 'AQAB' }
        : {
            crv: v.curveName ?? 'P-256',
            x: modulus(v.version, 256),
            y: modulus(v.version.split('').reverse().join(''), 256),
          }),
    },
    attributes: attributes(vault, v),
    tags: { ...key.tags },
  };
}

/** A `KeyItem` of a list: the key (or version) identifier and attributes, no key material. */
export function keyItemJson(vault: TwinVault, key: TwinKey, v: TwinKeyVersion, withVersion: boolean) {
  return {
    kid: `${base(vault)}/keys/${key.name}${withVersion ? `/${v.version}` : ''}`,
    attributes: attributes(vault, v),
    tags: { ...key.tags },
  };
}

export function deletedKeyJson(vault: TwinVault, d: TwinDeletedKey): DeletedKeyBundle {
  const current = d.key.versions[d.key.versions.length - 1]!;
  return {
    ...keyBundleJson(vault, d.key, current),
    recoveryId: `${base(vault)}/deletedkeys/${d.name}`,
    deletedDate: d.deletedDate,
    scheduledPurgeDate: d.scheduledPurgeDate,
  };
}

export function deletedKeyItemJson(vault: TwinVault, d: TwinDeletedKey): DeletedKeyItem {
  const current = d.key.versions[d.key.versions.length - 1]!;
  return {
    ...keyItemJson(vault, d.key, current, false),
    recoveryId: `${base(vault)}/deletedkeys/${d.name}`,
    deletedDate: d.deletedDate,
    scheduledPurgeDate: d.scheduledPurgeDate,
  };
}

export function rotationPolicyJson(
  vault: TwinVault,
  keyName: string,
  p: TwinRotationPolicy,
): KeyRotationPolicy {
  return {
    id: `${base(vault)}/keys/${keyName}/rotationpolicy`,
    lifetimeActions: p.lifetimeActions.map((a) => ({
      trigger: { ...a.trigger },
      action: { type: a.action },
    })),
    attributes: {
      ...(p.expiryTime ? { expiryTime: p.expiryTime } : {}),
      created: p.created,
      updated: p.updated,
    },
  };
}

/** The same policy as ARM's key resource carries it (lower-case action types, per keys.json). */
export function armRotationPolicy(p: TwinRotationPolicy): ArmRotationPolicy {
  return {
    attributes: {
      created: p.created,
      updated: p.updated,
      ...(p.expiryTime ? { expiryTime: p.expiryTime } : {}),
    },
    lifetimeActions: p.lifetimeActions.map((a) => ({
      trigger: { ...a.trigger },
      action: { type: a.action === 'Rotate' ? 'rotate' : 'notify' },
    })),
  };
}
