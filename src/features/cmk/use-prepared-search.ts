import { useEffect } from 'react';
import type { CmkRow } from '../../domain/cmk/posture';
import { prepareSearch } from '../../domain/cmk/table';

const slice = 500;

/** Prepares the text filter for the rows while the browser is idle, a slice at a time, so typing finds it ready. */
export function usePreparedSearch(rows: CmkRow[]): void {
  useEffect(() => {
    const idle = (fn: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(fn, { timeout: 1000 })
        : window.setTimeout(fn, 50);
    const cancel = (h: number) =>
      typeof cancelIdleCallback === 'function' ? cancelIdleCallback(h) : window.clearTimeout(h);
    let at = 0;
    let handle = 0;
    const step = () => {
      prepareSearch(rows.slice(at, at + slice));
      at += slice;
      if (at < rows.length) handle = idle(step);
    };
    handle = idle(step);
    return () => cancel(handle);
  }, [rows]);
}
