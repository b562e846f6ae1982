import { ConfirmDialog } from '../confirm-dialog';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { setNavigationGuard } from './router';

interface GuardApi {
  setDirty(key: string, label: string | undefined): void;
  /** Asks the user when something is unsaved; resolves true when it is fine to leave. */
  confirmLeave(): Promise<boolean>;
}

const GuardContext = createContext<GuardApi | undefined>(undefined);

/** Tracks which blades hold unsaved edits and asks before in-app navigation, reload or closing the tab loses them. */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const dirty = useRef(new Map<string, string>());
  const [asking, setAsking] = useState<{ labels: string[]; resolve: (ok: boolean) => void } | undefined>();

  const confirmLeave = useCallback((): Promise<boolean> => {
    if (dirty.current.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => setAsking({ labels: [...dirty.current.values()], resolve }));
  }, []);

  const api = useMemo<GuardApi>(
    () => ({
      setDirty(key, label) {
        if (label === undefined) dirty.current.delete(key);
        else dirty.current.set(key, label);
      },
      confirmLeave,
    }),
    [confirmLeave],
  );

  useEffect(() => {
    setNavigationGuard(confirmLeave);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current.size === 0) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setNavigationGuard(undefined);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [confirmLeave]);

  const answer = (ok: boolean) => {
    if (ok) dirty.current.clear();
    asking?.resolve(ok);
    setAsking(undefined);
  };

  return (
    <GuardContext.Provider value={api}>
      {children}
      <ConfirmDialog
        open={asking !== undefined}
        title="Leave without saving?"
        confirmLabel="Leave and discard changes"
        cancelLabel="Stay on this page"
        danger
        onConfirm={() => answer(true)}
        onCancel={() => answer(false)}
      >
        You have unsaved changes on {asking?.labels.join(', ')}. If you leave now, they are lost.
      </ConfirmDialog>
    </GuardContext.Provider>
  );
}

/** Marks the calling blade dirty (with a label for the prompt) while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean, label: string): void {
  const api = useContext(GuardContext);
  const key = useId();
  useEffect(() => {
    api?.setDirty(key, dirty ? label : undefined);
    return () => api?.setDirty(key, undefined);
  }, [api, key, dirty, label]);
}
