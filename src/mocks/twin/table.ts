/** A keyed collection that remembers what changed since it was seeded, so only the difference is persisted. */
export class Table<T> {
  private readonly rows = new Map<string, T>();
  private readonly changed = new Set<string>();

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
    if (!this.changed.has(k)) this.rows.set(k, row);
  }

  set(id: string, row: T): void {
    const k = Table.key(id);
    this.rows.set(k, row);
    this.changed.add(k);
  }

  delete(id: string): void {
    const k = Table.key(id);
    this.rows.delete(k);
    this.changed.add(k);
  }

  values(): IterableIterator<T> {
    return this.rows.values();
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
  }
}
