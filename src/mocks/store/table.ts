/** A keyed collection that remembers what changed since it was seeded, so only the difference is persisted. */
export class Table<T> {
  private readonly rows = new Map<string, T>();
  private readonly changed = new Set<string>();
  /** Rows by lower-cased subscription id, built on first use and dropped on any change. */
  private bySubscription: Map<string, T[]> | null = null;
  /** Grows on every change or seeding, so an index built elsewhere knows when it is stale. */
  version = 0;

  constructor(readonly name: string) {}

  static key(id: string): string {
    return id.toLowerCase();
  }

  get(id: string): T | undefined {
    return this.rows.get(Table.key(id));
  }

  has(id: string): boolean {
    return this.rows.has(Table.key(id));
  }

  /** Seeding does not count as a change, and never undoes one (rows can be seeded late, see World.deferKeys). */
  seed(id: string, row: T): void {
    const k = Table.key(id);
    if (this.changed.has(k)) return;
    this.rows.set(k, row);
    this.bySubscription = null;
    this.version++;
  }

  set(id: string, row: T): void {
    const k = Table.key(id);
    this.rows.set(k, row);
    this.changed.add(k);
    this.bySubscription = null;
    this.version++;
  }

  delete(id: string): void {
    const k = Table.key(id);
    this.rows.delete(k);
    this.changed.add(k);
    this.bySubscription = null;
    this.version++;
  }

  /** Forgets what changed so far: it becomes part of the seed. */
  markSeeded(): void {
    this.changed.clear();
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  /**
   * Rows whose id lies under `/subscriptions/{id}/`. Resources_List is called once per subscription, and scanning every
   * row of a tenant-scale world on each call cost Home more than rendering its table.
   */
  inSubscription(subscriptionId: string): readonly T[] {
    this.bySubscription ??= this.indexBySubscription();
    return this.bySubscription.get(subscriptionId.toLowerCase()) ?? [];
  }

  private indexBySubscription(): Map<string, T[]> {
    const index = new Map<string, T[]>();
    for (const [k, row] of this.rows) {
      const sub = /^\/subscriptions\/([^/]+)\//.exec(k)?.[1];
      if (sub === undefined) continue;
      const rows = index.get(sub);
      if (rows) rows.push(row);
      else index.set(sub, [row]);
    }
    return index;
  }

  get size(): number {
    return this.rows.size;
  }

  /** Rows changed since seeding; `null` marks a deletion. */
  diff(): Record<string, T | null> {
    const out: Record<string, T | null> = {};
    for (const k of this.changed) out[k] = this.rows.get(k) ?? null;
    return out;
  }

  applyDiff(diff: Record<string, T | null>): void {
    for (const [k, row] of Object.entries(diff)) {
      if (row === null) this.rows.delete(k);
      else this.rows.set(k, row);
      this.changed.add(k);
    }
    this.bySubscription = null;
    this.version++;
  }
}
