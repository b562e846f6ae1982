import { useEffect, useRef, type RefObject } from 'react';

/** The value as of the latest render, for a callback that an earlier render handed to work still running. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
