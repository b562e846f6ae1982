import { lazy, type ComponentType, type ReactElement } from 'react';

export interface Preloadable<P extends object> {
  (props: P): ReactElement;
  /** Fetches the chunk; resolves once the component can render without suspending. */
  preload(): Promise<void>;
}

/**
 * A lazily loaded page or blade that renders at once when its chunk was fetched ahead (a deep link's blade during
 * start-up). React.lazy alone suspends on its first render even when the chunk is already there, and React 19 holds a
 * suspended boundary's reveal back for up to 300 ms.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () =>
    (pending ??= load().then((m) => {
      loaded = m.default;
    }));
  const Lazy = lazy(() => preload().then(() => ({ default: loaded as ComponentType<P> })));
  function Page(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Page, { preload });
}
