import { useEffect, useRef, useState } from 'react';

/**
 * The value, passed on at most once every `ms` (and always the last one). At tenant scale a hundred reads answer
 * within two seconds; rebuilding and re-sorting thousands of rows on each answer kept the main thread, where the demo's
 * Azure runs too, from serving the next ones.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - Date.now();
    const pass = () => {
      last.current = Date.now();
      setShown(value);
    };
    const timer = setTimeout(pass, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
