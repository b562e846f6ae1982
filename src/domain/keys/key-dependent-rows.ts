import { weekEndsAt, type KeyDependent } from './key-dependents';

/** One key and the bots that depend on it: its blast radius before anyone touches it. */
export interface KeyDependentRow {
  id: string;
  vaultName: string;
  keyName: string;
  /** The versions in use now or within the week, newest use first. */
  versions: string[];
  /** Bots on the key now. */
  now: string[];
  /** Bots that left it within the week, with when their week ends (they may still need it to decrypt). */
  leaving: { bot: string; until: number }[];
}

/** The uses grouped by key, the keys most depended on first. */
export function keyDependentRows(uses: KeyDependent[]): KeyDependentRow[] {
  const rows = new Map<string, KeyDependentRow>();
  for (const u of uses) {
    const id = `${u.key.vaultName}/${u.key.keyName}`.toLowerCase();
    let row = rows.get(id);
    if (!row)
      rows.set(
        id,
        (row = {
          id,
          vaultName: u.key.vaultName,
          keyName: u.key.keyName,
          versions: [],
          now: [],
          leaving: [],
        }),
      );
    if (!row.versions.includes(u.key.version)) row.versions.push(u.key.version);
    const until = weekEndsAt(u);
    if (u.current) {
      if (!row.now.includes(u.botName)) row.now.push(u.botName);
    } else if (until !== undefined && !row.leaving.some((l) => l.bot === u.botName))
      row.leaving.push({ bot: u.botName, until });
  }
  for (const r of rows.values()) {
    r.now.sort();
    r.leaving.sort((a, b) => a.until - b.until);
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.now.length + b.leaving.length - (a.now.length + a.leaving.length) ||
      a.vaultName.localeCompare(b.vaultName) ||
      a.keyName.localeCompare(b.keyName),
  );
}

/** Rows whose vault, key or one of whose bots holds every word of the text. */
export function filterKeyDependents(rows: KeyDependentRow[], text: string): KeyDependentRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((r) => {
    const hay = [r.vaultName, r.keyName, ...r.now, ...r.leaving.map((l) => l.bot)].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
