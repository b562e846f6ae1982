import { botTenantOf, evaluateBotKeyAccess } from '../rules/bot-key-access';
import type { OtherAdmin } from '../server/actors';
import { newHex32 } from '../routes/context';
import type { Twin } from '../server/twin';
import { World } from '../store/world';

export interface Preset {
  id: string;
  label: string;
  run(twin: Twin): string;
}

const kv = '2025-05-01';
const portal: OtherAdmin = { user: 'jordan', clientType: 'Azure Portal' };
const cli: OtherAdmin = { user: 'jordan', clientType: 'Azure CLI' };

/** A tenant-scale world has thousands of vaults: a colleague's sweep stops at fifty, as a script with a page would. */
const sweepLimit = 50;
const someVaults = (twin: Twin) => [...twin.world.vaults.values()].slice(0, sweepLimit);

const botsUsingKeys = (twin: Twin) =>
  [...twin.world.bots.values()].filter((b) => b.cmek.enabled && b.cmek.keyUrl);

function failed(status: number): boolean {
  return status >= 400;
}

/**
 * Changes made behind the console's back, the way a colleague would make them: through ARM (so Azure's records
 * show them, by name and client), or on Key Vault's data plane where ARM has no operation (a key's new version, a
 * disabled version).
 */
export const otherAdminPresets: Preset[] = [
  {
    id: 'rotate-with-cli',
    label: 'Rotate a bot’s key with the Azure CLI (a new key version, then az bot update)',
    run(twin) {
      const bot = botsUsingKeys(twin)[0];
      const m = /^(https:\/\/[^/]+)\/keys\/([^/]+)\/[0-9a-f]{32}$/i.exec(bot?.cmek.keyUrl ?? '');
      const vault = m ? twin.world.vaultByUri(m[1]!) : undefined;
      const key = vault ? twin.world.key(vault.id, m![2]!) : undefined;
      if (!bot || !vault || !key) return 'No bot uses a customer-managed key.';
      // az keyvault key rotate: a new version on the data plane (the Activity log does not see it).
      const now = Math.floor(twin.now() / 1000);
      const latest = key.versions[key.versions.length - 1]!;
      const version = newHex32();
      twin.world.keys.set(World.keyKey(vault.id, key.name), {
        ...key,
        versions: [
          ...key.versions,
          { ...latest, version, created: now, updated: now, enabled: true, exp: undefined },
        ],
      });
      const keyUrl = `${m![1]}/keys/${key.name}/${version}`;
      const r = twin.otherAdmin(
        'PATCH',
        `${bot.id}?api-version=2022-09-15`,
        {
          properties: {
            displayName: bot.displayName,
            endpoint: bot.endpoint,
            msaAppId: bot.msaAppId,
            isCmekEnabled: true,
            cmekKeyVaultUrl: keyUrl,
          },
        },
        cli,
      );
      return failed(r.status)
        ? `Azure refused the rotation: ${JSON.stringify(r.body)}`
        : `Jordan rotated ${bot.name} to ${key.name}/${version} with the Azure CLI.`;
    },
  },
  {
    id: 'remove-cmek-policy',
    label: "Remove Bot Service CMEK Prod's access policy from every vault (at most 50)",
    run(twin) {
      let n = 0;
      for (const v of someVaults(twin)) {
        const sp = twin.world.cmekPrincipal(v.tenantId);
        if (!sp || !v.accessPolicies.some((p) => p.objectId === sp.objectId)) continue;
        const r = twin.otherAdmin(
          'PUT',
          `${v.id}/accessPolicies/remove?api-version=${kv}`,
          {
            properties: {
              accessPolicies: [{ tenantId: v.tenantId, objectId: sp.objectId, permissions: { keys: [] } }],
            },
          },
          portal,
        );
        if (!failed(r.status)) n++;
      }
      return `Removed the policy from ${n} vault(s).`;
    },
  },
  {
    id: 'close-firewall',
    label: 'Turn off the trusted-services bypass and limit public access on every vault (at most 50)',
    run(twin) {
      for (const v of someVaults(twin))
        twin.otherAdmin(
          'PATCH',
          `${v.id}?api-version=${kv}`,
          { properties: { networkAcls: { ...v.networkAcls, defaultAction: 'Deny', bypass: 'None' } } },
          portal,
        );
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
        'unwrap',
      );
      const m = /\/keys\/([^/]+)\/([0-9a-f]{32})$/i.exec(bot.cmek.keyUrl ?? '');
      const vault = access.ok
        ? access.vault
        : twin.world.vaultByUri(new URL(bot.cmek.keyUrl ?? 'https://x').origin);
      if (!m || !vault) return 'The key could not be found.';
      const key = twin.world.key(vault.id, m[1]!);
      if (!key) return 'The key could not be found.';
      // A data-plane change (PATCH /keys/{name}/{version}): ARM's Activity log does not record it.
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
    label: 'Add a tag to every vault (at most 50; a harmless concurrent edit)',
    run(twin) {
      for (const v of someVaults(twin))
        twin.otherAdmin(
          'PATCH',
          `${v.id}?api-version=${kv}`,
          { tags: { ...v.tags, reviewedBy: 'jordan' } },
          portal,
        );
      return 'Tagged every vault.';
    },
  },
];
