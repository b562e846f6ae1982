import type { KeyRotationPolicy } from '../../arm/types/key-vault-data';
import { shellWord } from './bicep-syntax';

/** A data-plane key action, as the admin would run it without the gateway. */
export type KeyCommand =
  | { kind: 'new-version'; vaultName: string; keyName: string; keySize: number }
  | { kind: 'rotate'; vaultName: string; keyName: string }
  | { kind: 'set-enabled'; vaultName: string; keyName: string; version: string; enabled: boolean }
  | { kind: 'set-expiry'; vaultName: string; keyName: string; version: string; expiresAt?: number }
  | { kind: 'rotation-policy'; vaultName: string; keyName: string; policy: KeyRotationPolicy }
  | { kind: 'delete'; vaultName: string; keyName: string }
  | { kind: 'recover'; vaultName: string; keyName: string };

export interface CommandText {
  cli: string;
  powershell: string;
}

const ps = (s: string) => `'${s.replace(/'/g, "''")}'`;
const iso = (sec: number) => new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The `az keyvault key …` command and its Azure PowerShell equivalent. */
export function keyCommand(c: KeyCommand): CommandText {
  const v = shellWord(c.vaultName);
  const n = shellWord(c.keyName);
  const base = `--vault-name ${v} --name ${n}`;
  const psBase = `-VaultName ${ps(c.vaultName)} -Name ${ps(c.keyName)}`;
  switch (c.kind) {
    case 'new-version':
      return {
        cli: `az keyvault key create ${base} --kty RSA --size ${c.keySize} --ops wrapKey unwrapKey encrypt decrypt sign verify`,
        powershell: `Add-AzKeyVaultKey ${psBase} -Destination Software -KeyType RSA -Size ${c.keySize}`,
      };
    case 'rotate':
      return { cli: `az keyvault key rotate ${base}`, powershell: `Invoke-AzKeyVaultKeyRotation ${psBase}` };
    case 'set-enabled':
      return {
        cli: `az keyvault key set-attributes ${base} --version ${c.version} --enabled ${c.enabled}`,
        powershell: `Update-AzKeyVaultKey ${psBase} -Version ${ps(c.version)} -Enable $${c.enabled}`,
      };
    case 'set-expiry':
      return {
        cli: `az keyvault key set-attributes ${base} --version ${c.version} --expires ${c.expiresAt === undefined ? "''" : iso(c.expiresAt)}`,
        powershell:
          c.expiresAt === undefined
            ? `# Azure PowerShell cannot clear an expiry; use the Azure CLI command above.`
            : `Update-AzKeyVaultKey ${psBase} -Version ${ps(c.version)} -Expires ([datetime]'${iso(c.expiresAt)}')`,
      };
    case 'rotation-policy': {
      const json = JSON.stringify({
        lifetimeActions: c.policy.lifetimeActions,
        attributes: c.policy.attributes,
      });
      return {
        cli: `az keyvault key rotation-policy update --vault-name ${v} --name ${n} --value ${shellWord(json)}`,
        powershell: `Set-AzKeyVaultKeyRotationPolicy ${psBase} -PolicyPath policy.json  # policy.json: ${json}`,
      };
    }
    case 'delete':
      return { cli: `az keyvault key delete ${base}`, powershell: `Remove-AzKeyVaultKey ${psBase}` };
    case 'recover':
      return { cli: `az keyvault key recover ${base}`, powershell: `Undo-AzKeyVaultKeyRemoval ${psBase}` };
  }
}
