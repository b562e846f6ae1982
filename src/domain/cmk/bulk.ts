import { parseResourceId } from '../../arm/resource-id';
import type { VersionedKeyUrl } from '../key-url';
import type { CmkRow } from './posture';

/** The fixes that can be applied to many bots' vaults, subscriptions or bots at once. */
export type BulkFixKind =
  'register-provider' | 'firewall-bypass' | 'grant-access' | 'move-to-newest' | 'cover-alerts';

export type BulkTarget =
  | { kind: 'register-provider'; subscriptionId: string }
  | { kind: 'firewall-bypass'; vaultId: string }
  | { kind: 'grant-access'; vaultId: string; how: 'access-policy' | 'role-assignment' }
  | { kind: 'move-to-newest'; botId: string; vaultId: string; from: VersionedKeyUrl; to: VersionedKeyUrl }
  | { kind: 'cover-alerts'; vaultId: string };

/** One change of a bulk run: what it changes, where, and for which bots. */
export interface BulkItem {
  /** Unique within a run: the subscription, vault or bot it changes. */
  id: string;
  target: BulkTarget;
  /** The subscription, vault or bot, by name. */
  name: string;
  /** What will be changed there, in words. */
  change: string;
  bots: string[];
}

export const bulkFixTitles: Record<BulkFixKind, { verb: string; noun: (n: number) => string }> = {
  'register-provider': {
    verb: 'Register Microsoft.BotService',
    noun: (n) => `${n} subscription${n === 1 ? '' : 's'}`,
  },
  'firewall-bypass': {
    verb: 'Allow trusted Microsoft services',
    noun: (n) => `${n} key vault${n === 1 ? '' : 's'}`,
  },
  'grant-access': {
    verb: 'Give Bot Service CMEK Prod access',
    noun: (n) => `${n} key vault${n === 1 ? '' : 's'}`,
  },
  'move-to-newest': {
    verb: 'Move to the key’s newest version',
    noun: (n) => `${n} bot${n === 1 ? '' : 's'}`,
  },
  'cover-alerts': {
    verb: 'Set up alerts',
    noun: (n) => `${n} key vault${n === 1 ? '' : 's'}`,
  },
};

const short = (v: string) => `${v.slice(0, 8)}…`;

/**
 * The changes one fix makes for the bots chosen: each subscription or vault once, with every bot it is for. A bot the
 * fix does not concern (no such risk, or its vault not visible) adds nothing.
 */
export function bulkPlan(
  rows: CmkRow[],
  kind: BulkFixKind,
  subscriptionName: (id: string) => string,
): BulkItem[] {
  const items = new Map<string, BulkItem>();
  const add = (id: string, make: () => Omit<BulkItem, 'bots' | 'id'>, bot: string) => {
    const had = items.get(id);
    if (had) {
      if (!had.bots.includes(bot)) had.bots.push(bot);
    } else items.set(id, { id, ...make(), bots: [bot] });
  };
  for (const row of rows) {
    const vault = row.vaultId ? parseResourceId(row.vaultId) : undefined;
    const has = (fix: string) => row.risks.find((r) => r.fix === fix);
    if (kind === 'move-to-newest') {
      if (row.key && row.newer && row.vaultId && row.risks.some((r) => r.id === 'key-newest')) {
        const vaultId = row.vaultId;
        const from = row.key;
        const to = row.newer;
        add(
          row.id.toLowerCase(),
          () => ({
            target: { kind, botId: row.id, vaultId, from, to },
            name: row.name,
            change: `${from.keyName}: version ${short(from.version)} → ${short(to.version)}`,
          }),
          row.name,
        );
      }
      continue;
    }
    if (!row.vaultId || !vault) continue;
    if (kind === 'cover-alerts' && row.cmek && (row.alerts === 'none' || row.alerts === 'partly')) {
      const vaultId = row.vaultId;
      add(
        vaultId.toLowerCase(),
        () => ({
          target: { kind, vaultId },
          name: vault.name,
          change:
            'Alert on Bot Service’s failed wraps and unwraps, on the vault’s access and firewall changes, and before its keys expire (one rule set per vault, shared by its bots)',
        }),
        row.name,
      );
    }
    if (kind === 'register-provider' && has('register-provider')) {
      const sub = vault.subscriptionId;
      add(
        sub.toLowerCase(),
        () => ({
          target: { kind, subscriptionId: sub },
          name: subscriptionName(sub),
          change: 'Register the Microsoft.BotService resource provider',
        }),
        row.name,
      );
    }
    if (kind === 'firewall-bypass' && has('firewall-bypass')) {
      const vaultId = row.vaultId;
      add(
        vaultId.toLowerCase(),
        () => ({
          target: { kind, vaultId },
          name: vault.name,
          change: 'Let trusted Microsoft services bypass the firewall (every other network rule kept)',
        }),
        row.name,
      );
    }
    const grant = has('access-policy') ?? has('role-assignment');
    if (kind === 'grant-access' && grant) {
      const vaultId = row.vaultId;
      const how = grant.fix === 'role-assignment' ? 'role-assignment' : 'access-policy';
      add(
        vaultId.toLowerCase(),
        () => ({
          target: { kind, vaultId, how },
          name: vault.name,
          change:
            how === 'role-assignment'
              ? 'Assign Key Vault Crypto Service Encryption User to Bot Service CMEK Prod'
              : 'Add an access policy for Bot Service CMEK Prod: keys Get, Wrap Key, Unwrap Key',
        }),
        row.name,
      );
    }
  }
  for (const i of items.values()) i.bots.sort();
  return [...items.values()].sort((a, b) => a.name.localeCompare(b.name));
}
