import { useIsMutating } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { deepEqual } from '../../domain/deep-equal';

export interface SettingsForm<T> {
  /** Undefined until the server data first arrives. */
  form: T | undefined;
  /** What the form was seeded from (the server state the user started editing). */
  base: T | undefined;
  /** The server's state now, mapped to the form (after background refetches). */
  server: T | undefined;
  dirty: boolean;
  /** Someone else changed the resource since the user started editing (never said while the user's own save runs). */
  changedUnderneath: boolean;
  set(update: (f: T) => T): void;
  discard(): void;
  /** Adopts the server's current state, dropping the user's edits. */
  reload(): void;
  /**
   * Keeps the user's edits on top of the server's current state: fields the user changed keep the user's value, the
   * rest take the other admin's; the server state becomes the baseline.
   */
  rebase(): void;
  /**
   * After a successful save: the saved resource becomes the baseline and the form. `sent` is the form as it was when
   * the save was sent: edits the user made while the save ran stay on top of the saved state instead of being dropped.
   */
  accept(saved: T, sent: T): void;
}

/** The mutation key of a settings blade's save, by which its form knows that a save runs. */
export const settingsSaveKey = (resourceId: string) => ['settings-save', resourceId.toLowerCase()] as const;

/**
 * Form state for a settings blade: seeded once from the server, kept local, never reset by a background refetch. A
 * refetch that brings a different server state while the user has edits is reported (changedUnderneath) instead of
 * overwriting them; with no edits the form simply follows the server. While the blade's own save runs (a mutation
 * keyed `settingsSaveKey(resourceId)`) the form follows nothing: the resource read back then is the save itself, and
 * what the user does meanwhile (even undoing an edit) is theirs.
 */
export function useSettingsForm<T>(serverValue: T | undefined, resourceId: string): SettingsForm<T> {
  const saving = useIsMutating({ mutationKey: settingsSaveKey(resourceId) }) > 0;
  const [base, setBase] = useState<T | undefined>(serverValue);
  const [form, setForm] = useState<T | undefined>(serverValue);
  const dirty = form !== undefined && base !== undefined && !deepEqual(form, base);
  const differs =
    !saving && serverValue !== undefined && (base === undefined || !deepEqual(serverValue, base));
  if (differs && !dirty) {
    setBase(serverValue);
    setForm(serverValue);
  }
  const set = useCallback((update: (f: T) => T) => setForm((f) => (f === undefined ? f : update(f))), []);
  return {
    form,
    base,
    server: serverValue,
    dirty,
    changedUnderneath: dirty && differs,
    set,
    discard: () => setForm(base),
    reload: () => {
      setBase(serverValue);
      setForm(serverValue);
    },
    rebase: () => {
      if (serverValue === undefined || base === undefined || form === undefined) return;
      setForm(mergeEdits(base, form, serverValue));
      setBase(serverValue);
    },
    accept: (saved, sent) => {
      setBase(saved);
      setForm((now) => (now === undefined || deepEqual(now, sent) ? saved : mergeEdits(sent, now, saved)));
    },
  };
}

/**
 * Three-way merge by top-level field: what the user changed from `base` wins, everything else follows `server`. Lists
 * of plain values (IP rules) merge item by item: the user's additions and removals are applied to the server's list.
 * @internal Exported for its unit tests.
 */
export function mergeEdits<T>(base: T, mine: T, server: T): T {
  if (typeof mine !== 'object' || mine === null || Array.isArray(mine)) return mine;
  const out = { ...server } as Record<string, unknown>;
  const b = base as Record<string, unknown>;
  for (const [k, v] of Object.entries(mine as Record<string, unknown>)) {
    if (deepEqual(v, b[k])) continue;
    const theirs = out[k];
    out[k] = isPlainList(v) && isPlainList(b[k]) && isPlainList(theirs) ? mergeList(b[k], v, theirs) : v;
  }
  return out as T;
}

type Plain = string | number | boolean;
const isPlainList = (x: unknown): x is Plain[] =>
  Array.isArray(x) && x.every((i) => ['string', 'number', 'boolean'].includes(typeof i));

function mergeList(base: Plain[], mine: Plain[], theirs: Plain[]): Plain[] {
  const removed = base.filter((x) => !mine.includes(x));
  const added = mine.filter((x) => !base.includes(x));
  return [...theirs.filter((x) => !removed.includes(x)), ...added.filter((x) => !theirs.includes(x))];
}
