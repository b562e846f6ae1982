import { describe, expect, it, vi } from 'vitest';
import { NotificationStore } from '../notifications/notification-store';

describe('notification life cycle', () => {
  it('starts in progress and turns into success in place', () => {
    let t = 1000;
    const store = new NotificationStore(() => t);
    const listener = vi.fn();
    store.subscribe(listener);
    const n = store.add({
      title: 'Saving encryption settings',
      status: 'inProgress',
      linkHash: '#/resource/x',
    });
    expect(store.list()).toHaveLength(1);
    t = 2000;
    store.update(n.id, { status: 'success', title: 'Encryption settings saved' });
    expect(store.list()).toHaveLength(1);
    expect(store.list()[0]).toMatchObject({
      id: n.id,
      status: 'success',
      title: 'Encryption settings saved',
      startedAt: 1000,
      updatedAt: 2000,
      linkHash: '#/resource/x',
    });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('a finished notification never goes back to in progress', () => {
    const store = new NotificationStore();
    const n = store.add({ title: 'Registering', status: 'inProgress' });
    store.update(n.id, { status: 'error', message: 'Throttled' });
    store.update(n.id, { status: 'inProgress' });
    expect(store.list()[0]?.status).toBe('error');
  });

  it('counts unread, marks read, and a change of status makes it unread again', () => {
    const store = new NotificationStore();
    const a = store.add({ title: 'A', status: 'inProgress' });
    store.add({ title: 'B' });
    expect(store.unreadCount()).toBe(2);
    store.markAllRead();
    expect(store.unreadCount()).toBe(0);
    store.update(a.id, { status: 'success' });
    expect(store.unreadCount()).toBe(1);
  });

  it('dismisses one or every finished one, newest first', () => {
    const store = new NotificationStore();
    const a = store.add({ title: 'A', status: 'success' });
    store.add({ title: 'B', status: 'inProgress' });
    store.add({ title: 'C', status: 'error' });
    expect(store.list().map((n) => n.title)).toEqual(['C', 'B', 'A']);
    store.dismiss(a.id);
    store.dismissFinished();
    expect(store.list().map((n) => n.title)).toEqual(['B']);
  });
});
