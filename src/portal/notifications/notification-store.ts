export type NotificationStatus = 'inProgress' | 'success' | 'error' | 'warning' | 'info';

export interface PortalNotification {
  id: string;
  title: string;
  message?: string;
  status: NotificationStatus;
  /** The resource it concerns; the notification links there ("never create dead ends"). */
  resourceId?: string;
  linkHash?: string;
  startedAt: number;
  updatedAt: number;
  read: boolean;
}

export interface NotificationInput {
  title: string;
  message?: string;
  status?: NotificationStatus;
  resourceId?: string;
  linkHash?: string;
}

/** The hub's state: client-side notifications (they vanish on reload, as in the portal), newest first. */
export class NotificationStore {
  private items: PortalNotification[] = [];
  private readonly listeners = new Set<() => void>();
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  list(): PortalNotification[] {
    return this.items;
  }

  unreadCount(): number {
    return this.items.filter((n) => !n.read).length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(input: NotificationInput): PortalNotification {
    const t = this.now();
    const n: PortalNotification = {
      id: `n${++this.seq}`,
      status: input.status ?? 'info',
      read: false,
      startedAt: t,
      updatedAt: t,
      ...input,
    };
    this.items = [n, ...this.items];
    this.emit();
    return n;
  }

  /** Updates in place; a finished notification (success, error) never goes back to in progress. */
  update(
    id: string,
    patch: Partial<Pick<PortalNotification, 'title' | 'message' | 'status' | 'linkHash'>>,
  ): PortalNotification | undefined {
    let updated: PortalNotification | undefined;
    this.items = this.items.map((n) => {
      if (n.id !== id) return n;
      if (patch.status === 'inProgress' && n.status !== 'inProgress') return n;
      updated = {
        ...n,
        ...patch,
        updatedAt: this.now(),
        read: patch.status && patch.status !== n.status ? false : n.read,
      };
      return updated;
    });
    if (updated) this.emit();
    return updated;
  }

  dismiss(id: string): void {
    this.items = this.items.filter((n) => n.id !== id);
    this.emit();
  }

  dismissFinished(): void {
    this.items = this.items.filter((n) => n.status === 'inProgress');
    this.emit();
  }

  markAllRead(): void {
    if (this.items.every((n) => n.read)) return;
    this.items = this.items.map((n) => ({ ...n, read: true }));
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }
}
