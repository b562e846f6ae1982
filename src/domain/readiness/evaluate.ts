import { parseResourceId } from '../../arm/resource-id';
import { auditTrailCheck } from './audit-check';
import { keyChecks } from './key-checks';
import { permissionCheck, permissionLabel } from './permission-check';
import { errorOf, unknown, valueOf, type ReadinessCheck, type ReadinessInput } from './types';
import {
  firewallCheck,
  providerCheck,
  purgeProtectionCheck,
  softDeleteCheck,
  tenantCheck,
  vaultCheckLabels as labels,
} from './vault-checks';

/**
 * The console's own reading of what Azure Bot Service needs to use a key (from the seed doc), one check per
 * prerequisite. Each check is passed, failed, a warning, or unknown with the reason it could not be checked.
 */
export function evaluateReadiness(i: ReadinessInput): ReadinessCheck[] {
  const vaultBlade = (blade: string, label: string) =>
    i.vaultId ? { resourceId: i.vaultId, blade, label } : undefined;
  const vault = valueOf(i.vault);
  const checks: ReadinessCheck[] = [];
  if (!vault) {
    const why = errorOf(i.vault) ?? 'The key vault could not be read.';
    checks.push(
      unknown('tenant', labels.tenant, why),
      unknown('soft-delete', labels.softDelete, why),
      unknown('purge-protection', labels.purge, why),
      unknown('provider', labels.provider, why),
      unknown('permissions', permissionLabel, why),
      unknown('firewall', labels.firewall, why),
    );
  } else {
    checks.push(
      tenantCheck(i, vault),
      softDeleteCheck(vault, vaultBlade),
      purgeProtectionCheck(vault, vaultBlade),
      providerCheck(i, i.vaultId ? parseResourceId(i.vaultId)?.subscriptionId : undefined),
      permissionCheck(i, vault, vaultBlade),
      firewallCheck(vault, vaultBlade),
    );
  }
  checks.push(...keyChecks(i));
  if (vault) checks.push(auditTrailCheck(i.diagnosticSettings, vaultBlade));
  return checks;
}

export interface ReadinessSummary {
  failed: ReadinessCheck[];
  unknown: ReadinessCheck[];
  warnings: ReadinessCheck[];
}

export function readinessSummary(checks: ReadinessCheck[]): ReadinessSummary {
  return {
    failed: checks.filter((c) => c.state === 'failed'),
    unknown: checks.filter((c) => c.state === 'unknown'),
    warnings: checks.filter((c) => c.state === 'warning'),
  };
}

/**
 * The failures that mean Azure Bot Service cannot use the key right now (documented signals: the key disabled,
 * expired or deleted, the access gone, the firewall closed to it, a vault of another tenant). A bot on this key
 * cannot send or receive messages.
 */
export function keyOutOfReach(checks: ReadinessCheck[]): ReadinessCheck[] {
  const breaking = new Set<ReadinessCheck['id']>(['tenant', 'permissions', 'firewall', 'key-state']);
  return checks.filter((c) => c.state === 'failed' && breaking.has(c.id));
}
