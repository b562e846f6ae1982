import type { CloudName } from '../../arm/clouds';
import { parseResourceId } from '../../arm/resource-id';
import { fixAsCode } from '../as-code/fix-as-code';
import type { FixId } from '../readiness/types';
import type { CmkRow } from './posture';

/** Fixes that need a choice the table does not hold (which workspace keeps the audit log) are listed, not scripted. */
const needsAChoice: FixId[] = ['audit-trail'];

/**
 * The prerequisite fixes of the bots shown, as one Azure CLI script: each fix once per vault (or subscription), with
 * the bots it is for. Access is only ever given to Microsoft's Bot Service CMEK Prod (fix-as-code.ts). Nothing here
 * changes a bot: moving bots to a key stays a decision taken bot by bot.
 */
export function fixScript(rows: CmkRow[], ctx: { cloud: CloudName; principalObjectId?: string }): string {
  const steps = new Map<
    string,
    { fix: FixId; cli: string; where: string; vaultName?: string; bots: string[] }
  >();
  const left: string[] = [];
  for (const row of rows)
    for (const risk of row.risks) {
      if (!risk.fix || !row.vaultId) continue;
      const vault = parseResourceId(row.vaultId);
      const where =
        risk.fix === 'register-provider'
          ? `subscription ${vault?.subscriptionId ?? '?'}`
          : risk.fix === 'create-principal'
            ? 'the tenant'
            : `key vault ${vault?.name ?? row.vaultId}`;
      if (needsAChoice.includes(risk.fix)) {
        const line = `# ${risk.title} on ${where}: choose a Log Analytics workspace (the vault's Diagnostic settings).`;
        if (!left.includes(line)) left.push(line);
        continue;
      }
      const { cli } = fixAsCode(risk.fix, {
        cloud: ctx.cloud,
        vaultId: row.vaultId,
        principalObjectId: ctx.principalObjectId,
      });
      if (!cli) continue;
      const step = steps.get(cli);
      if (step) {
        if (!step.bots.includes(row.name)) step.bots.push(row.name);
      } else steps.set(cli, { fix: risk.fix, cli, where, vaultName: vault?.name, bots: [row.name] });
    }
  const order: FixId[] = [
    'create-principal',
    'register-provider',
    'purge-protection',
    'access-policy',
    'role-assignment',
    'firewall-bypass',
  ];
  const unchecked = rows.filter((r) => r.risks.some((k) => k.level === 'unknown')).length;
  const sorted = [...steps.values()].sort((a, b) => order.indexOf(a.fix) - order.indexOf(b.fix));
  return [
    '#!/usr/bin/env bash',
    '# Keyguard: the customer-managed-key prerequisites of the bots shown, as Azure CLI commands.',
    '# Purge protection cannot be turned off once on. Read each step before running it.',
    ...(unchecked
      ? [`# ${unchecked} of the bots shown could not be fully checked: their fixes may be missing here.`]
      : []),
    'set -euo pipefail',
    '',
    ...sorted.flatMap((s) => [
      `# ${s.fix} on ${s.where}, for ${s.bots.join(', ')}`,
      ...(s.fix === 'purge-protection' ? typedConfirmation(s.cli, s.vaultName ?? '') : [s.cli]),
      '',
    ]),
    ...(left.length ? ['# Not scripted:', ...left, ''] : []),
    ...(sorted.length === 0 && left.length === 0 ? ['# Nothing to fix among the bots shown.', ''] : []),
  ].join('\n');
}

/**
 * Purge protection cannot be turned off once on, so the script asks for the vault's name before turning it on and
 * skips it otherwise (a run without a terminal skips it too: `read` fails inside the `if`, which `set -e` allows).
 * Vault names hold only letters, digits and hyphens, so the name is safe inside the quotes.
 */
function typedConfirmation(cli: string, vaultName: string): string[] {
  return [
    '# Irreversible: once on, purge protection cannot be turned off.',
    `if read -r -p "Type the vault name (${vaultName}) to enable purge protection: " answer && [ "$answer" = "${vaultName}" ]; then`,
    `  ${cli}`,
    'else',
    `  echo "Purge protection on ${vaultName} skipped."`,
    'fi',
  ];
}
