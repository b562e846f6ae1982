interface Reads<T> {
  data: (T | undefined)[];
  error: Error | undefined;
  refetch: () => void;
}

/** Stable, so TanStack keeps the combined answer the same object while no read changes. */
export function combineReads<T>(
  results: { data?: T; error: Error | null; refetch: () => unknown }[],
): Reads<T> {
  return {
    data: results.map((r) => r.data),
    error: results.find((r) => r.error)?.error ?? undefined,
    refetch: () => {
      for (const r of results) if (r.error) void r.refetch();
    },
  };
}
