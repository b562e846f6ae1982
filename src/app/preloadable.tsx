import { lazy, type ComponentType, type ReactElement } from 'react';
import type { PageChunk } from './pages';

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
export function preloadable<P extends object>(chunk: PageChunk<P>): Preloadable<P> {
  const Lazy = lazy(() => chunk.preload().then(() => ({ default: chunk.loaded() as ComponentType<P> })));
  function Page(props: P) {
    const Loaded = chunk.loaded();
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Page, { preload: chunk.preload });
}
