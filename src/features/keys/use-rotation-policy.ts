import { useQuery } from '@tanstack/react-query';
import type { ArmRotationPolicy, Key } from '../../arm/types/key-vault';
import type { KeyRotationPolicy } from '../../arm/types/key-vault-data';
import { describeError } from '../../domain/error-wording';
import { policySummary } from '../../domain/keys/rotation-policy-form';
import { rotationPolicyQuery } from '../../queries/key-vault';

/**
 * A key's rotation policy: ARM's key carries it when one was set; otherwise the data plane has it (Key Vault's default
 * for a key without one), read through the gateway. Without a gateway it is said where to read it.
 */
export function useRotationPolicy(
  vaultId: string,
  vaultUrl: string,
  key: Key | undefined,
  gateway: boolean | undefined,
): { policy: ArmRotationPolicy | KeyRotationPolicy | undefined; summary: string; known: boolean } {
  const fromArm = key?.properties.rotationPolicy;
  const fromVault = useQuery({
    ...rotationPolicyQuery(vaultId, vaultUrl, key?.name ?? ''),
    enabled: key !== undefined && fromArm === undefined && gateway === true && vaultUrl !== '',
  });
  if (fromArm) return { policy: fromArm, summary: policySummary(fromArm), known: true };
  if (fromVault.data) return { policy: fromVault.data, summary: policySummary(fromVault.data), known: true };
  const summary =
    gateway === false
      ? `Not in Azure Resource Manager’s answer: az keyvault key rotation-policy show --vault-name ${vaultId.split('/').pop() ?? ''} --name ${key?.name ?? ''}`
      : fromVault.error
        ? `Could not be read from Key Vault: ${describeError(fromVault.error).message}`
        : 'Reading it from Key Vault…';
  return { policy: undefined, summary, known: false };
}
