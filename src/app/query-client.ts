import { QueryClient } from '@tanstack/react-query';
import { isArmError } from '../arm/errors';

/**
 * The ARM layer already retries what is safe to retry (see src/arm/retry-policy.ts), so TanStack Query does not add
 * its own retries on top; a 401 that needs interaction is never retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        retry: false,
        refetchOnWindowFocus: (q) => !isArmError(q.state.error) || q.state.error.status !== 401,
      },
      mutations: { retry: false },
    },
  });
}
