import { botTenantOf, evaluateBotKeyAccess } from './rules/bot-key-access';
import type { Twin } from './twin/twin';
import { World } from './twin/world';

export interface Preset {
  id: string;
  label: string;
  run(twin: Twin): string;
}

const botsUsingKeys = (twin: Twin) =>
  [...twin.world.bots.values()].filter((b) => b.cmek.enabled && b.cmek.keyUrl);

/** Changes made behind the console's back, the way a colleague in the portal (or a policy) would make them. */
export const otherAdminPresets: Preset[] = [
  {
    id: 'remove-cmek-policy',
    label: "Remove Bot Service CMEK Prod's access policy from every vault",
    run(twin) {
      let n = 0;
      for (const v of [...twin.world.vaults.values()]) {
        const sp = twin.world.cmekPrincipal(v.tenantId);
        if (!sp || !v.accessPolicies.some((p) => p.objectId === sp.objectId)) continue;
        twin.world.vaults.set(v.id, {
          ...v,
          accessPolicies: v.accessPolicies.filter((p) => p.objectId !== sp.objectId),
        });
        n++;
      }
      return `Removed the policy from ${n} vault(s).`;
    },
  },
  {
    id: 'close-firewall',
    label: 'Turn off the trusted-services bypass and limit public access on every vault',
    run(twin) {
      for (const v of [...twin.world.vaults.values()]) {
        twin.world.vaults.set(v.id, {
          ...v,
          networkAcls: { ...v.networkAcls, defaultAction: 'Deny', bypass: 'None' },
        });
      }
      return 'Every vault firewall now denies Azure Bot Service.';
    },
  },
  {
    id: 'disable-bot-key',
    label: 'Disable the key version a bot uses',
    run(twin) {
      const bot = botsUsingKeys(twin)[0];
      if (!bot) return 'No bot uses a customer-managed key.';
      const access = evaluateBotKeyAccess(
        twin.world,
        botTenantOf(twin.world, bot),
        bot.cmek.keyUrl,
        twin.clock.now(),
      );
      const m = /\/keys\/([^/]+)\/([0-9a-f]{32})$/i.exec(bot.cmek.keyUrl ?? '');
      const vault = access.ok
        ? access.vault
        : twin.world.vaultByUri(new URL(bot.cmek.keyUrl ?? 'https://x').origin);
      if (!m || !vault) return 'The key could not be found.';
      const key = twin.world.key(vault.id, m[1]!);
      if (!key) return 'The key could not be found.';
      twin.world.keys.set(World.keyKey(vault.id, key.name), {
        ...key,
        versions: key.versions.map((v) =>
          v.version.toLowerCase() === m[2]!.toLowerCase() ? { ...v, enabled: false } : v,
        ),
      });
      return `Disabled ${key.name}/${m[2]} in ${vault.name}.`;
    },
  },
  {
    id: 'tag-vaults',
    label: 'Add a tag to every vault (a harmless concurrent edit)',
    run(twin) {
      for (const v of [...twin.world.vaults.values()])
        twin.world.vaults.set(v.id, { ...v, tags: { ...v.tags, reviewedBy: 'jordan' } });
      return 'Tagged every vault.';
    },
  },
];
