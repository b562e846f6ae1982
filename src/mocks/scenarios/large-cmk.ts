import { seededRandom } from '../store/random';
import type { ScenarioBuilder } from './builder';
import { contoso, contosoWorkspaceId } from './contoso';

/**
 * A team's own key vault and key for its bots' customer-managed keys, with the flaws a real tenant has in some of
 * them: purge protection never turned on, a firewall without the trusted-services bypass, Bot Service CMEK Prod never
 * granted, no audit log, a key that expires soon, bots left on the version before a rotation. Its own random stream,
 * so the rest of the scenario (ids, names) stays as it was.
 * @returns the key's two version URLs, older first, and which of them bots should use.
 */
export function teamCmkKey(
  b: ScenarioBuilder,
  at: { subscriptionId: string; resourceGroup: string; location: string; team: string; index: number },
): (botIndex: number) => string | undefined {
  const r = seededRandom(207_000 + at.index);
  const firewalled = r() < 0.3;
  const vault = b.vault({
    subscriptionId: at.subscriptionId,
    resourceGroup: at.resourceGroup,
    name: `kv-${at.team.slice(0, 5)}-cmk-${at.index}`,
    tenantId: contoso.tenantId,
    location: at.location,
    purgeProtection: r() < 0.85,
    firewall: firewalled ? 'selected' : 'open',
    bypass: r() < 0.8,
    ipRules: [],
    accessPolicies: r() < 0.9 ? [b.cmekPolicy(contoso.tenantId)] : [],
  });
  if (r() < 0.6)
    b.world.diagnosticSettings.seed(`${vault.id}/providers/microsoft.insights/diagnosticSettings/audit`, {
      resourceId: vault.id,
      name: 'audit',
      properties: {
        workspaceId: contosoWorkspaceId,
        logs: [{ category: 'AuditEvent', enabled: true }],
      },
    });
  const expiresSoon = r() < 0.15;
  const [older, newer] = b.key(
    vault,
    `${at.team}-bots-key`,
    [
      { keySize: 3072, createdDaysAgo: 200 },
      { keySize: 3072, createdDaysAgo: 20, expiresInDays: expiresSoon ? 12 : undefined },
    ],
    r,
  ) as [string, string];
  const behind = r() * 0.4;
  // A third of the team's bots are on customer-managed keys; some never followed the last rotation.
  return (botIndex) =>
    botIndex % 3 !== 0 ? undefined : seededRandom(at.index * 1000 + botIndex)() < behind ? older : newer;
}
