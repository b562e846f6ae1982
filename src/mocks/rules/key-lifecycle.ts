import type { TwinKey, TwinKeyVersion, TwinVault } from '../store/model';
import { World } from '../store/world';
import { nextRotation, policyExpiry, policyKey } from './rotation-policy';

export interface NewVersionInput {
  kty: TwinKeyVersion['kty'];
  keySize?: number;
  curveName?: string;
  keyOps: TwinKeyVersion['keyOps'];
  enabled?: boolean;
  nbf?: number;
  exp?: number;
}

/** Appends a version (the newest becomes current), as create on an existing name and rotate do. */
export function addVersion(
  world: World,
  vault: TwinVault,
  name: string,
  input: NewVersionInput,
  version: string,
  createdSec: number,
  tags?: Record<string, string>,
): TwinKey {
  const existing = world.key(vault.id, name);
  const v: TwinKeyVersion = {
    version,
    created: createdSec,
    updated: createdSec,
    enabled: input.enabled ?? true,
    nbf: input.nbf,
    exp: input.exp,
    kty: input.kty,
    keySize: input.keySize,
    curveName: input.curveName,
    keyOps: [...input.keyOps],
  };
  const key: TwinKey = existing
    ? { ...existing, versions: [...existing.versions, v], tags: tags ?? existing.tags }
    : { vaultId: vault.id, name, versions: [v], tags: tags ?? {} };
  world.keys.set(World.keyKey(vault.id, name), key);
  return key;
}

/** A rotation: a new version like the current one, with the policy's expiry. */
export function rotate(
  world: World,
  vault: TwinVault,
  key: TwinKey,
  version: string,
  atSec: number,
): TwinKey {
  const current = key.versions[key.versions.length - 1]!;
  const policy = world.rotationPolicies.get(policyKey(key));
  return addVersion(
    world,
    vault,
    key.name,
    {
      kty: current.kty,
      keySize: current.keySize,
      curveName: current.curveName,
      keyOps: current.keyOps,
      exp: policyExpiry(policy, atSec),
    },
    version,
    atSec,
  );
}

/**
 * Key Vault rotates a key on its own when its policy says so. Called before every request: each rotation that came
 * due since is made at its due time (a long absence can make several).
 */
export function catchUpRotations(world: World, nowMs: number, newVersion: () => string): void {
  const nowSec = Math.floor(nowMs / 1000);
  for (const policy of world.rotationPolicies.values()) {
    const vault = world.vaults.get(policy.vaultId);
    let key = vault ? world.key(vault.id, policy.keyName) : undefined;
    for (let guard = 0; vault && key && guard < 50; guard++) {
      const due = nextRotation(policy, key.versions[key.versions.length - 1]!);
      if (due === undefined || due > nowSec) break;
      key = rotate(world, vault, key, newVersion(), due);
    }
  }
}

/** Deleted keys: a recovery that has finished brings the key back; one whose retention ended is gone for good. */
export function settleDeletedKeys(world: World, nowMs: number): void {
  const nowSec = Math.floor(nowMs / 1000);
  for (const d of [...world.deletedKeys.values()]) {
    const id = World.keyKey(d.vaultId, d.name);
    if (d.recoveringUntil !== undefined && d.recoveringUntil <= nowMs) {
      // A finished recovery: the key is back with its versions and its rotation policy.
      world.deletedKeys.delete(id);
      world.keys.set(id, d.key);
      if (d.policy) world.rotationPolicies.set(policyKey(d.key), d.policy);
    } else if (d.recoveringUntil === undefined && d.scheduledPurgeDate <= nowSec)
      world.deletedKeys.delete(id);
  }
}
