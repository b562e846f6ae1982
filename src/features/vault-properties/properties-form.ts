import type { Vault, VaultPatchParameters } from '../../arm/types/key-vault';

export interface PropertiesForm {
  softDelete: boolean;
  purgeProtection: boolean;
}

export function propertiesFormFromVault(v: Vault): PropertiesForm {
  // enableSoftDelete defaults to true when absent (keyvault.json).
  return {
    softDelete: v.properties.enableSoftDelete !== false,
    purgeProtection: v.properties.enablePurgeProtection === true,
  };
}

/** Only switches being turned on are sent; `false` never leaves the console (Azure refuses it, and both are one-way). */
export function propertiesPatch(base: PropertiesForm, form: PropertiesForm): VaultPatchParameters {
  const properties: NonNullable<VaultPatchParameters['properties']> = {};
  if (form.softDelete && !base.softDelete) properties.enableSoftDelete = true;
  if (form.purgeProtection && !base.purgeProtection) properties.enablePurgeProtection = true;
  return { properties };
}

export function propertiesChanges(from: PropertiesForm, to: PropertiesForm): string[] {
  const out: string[] = [];
  if (from.softDelete !== to.softDelete) out.push(`soft delete is now ${to.softDelete ? 'on' : 'off'}`);
  if (from.purgeProtection !== to.purgeProtection)
    out.push(`purge protection is now ${to.purgeProtection ? 'on' : 'off'}`);
  return out;
}
