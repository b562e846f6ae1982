import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { useEffect } from 'react';
import { ArmErrorBar } from './arm-error-bar';
import { markContentShown } from './content-shown';

interface QueryLike {
  error: unknown;
  isLoading: boolean;
  refetch(): unknown;
}

/** What a blade shows while its resource loads, or when it could not be read (with a retry). */
export function QueryState({ query, what }: { query: QueryLike; what: string }) {
  const settled = !query.isLoading;
  useEffect(() => {
    if (settled) markContentShown();
  }, [settled]);
  return (
    <>
      {query.error ? (
        <ArmErrorBar
          error={query.error}
          title={`The ${what} could not be read`}
          onRetry={() => void query.refetch()}
        />
      ) : null}
      {query.isLoading && (
        <Skeleton aria-label={`Loading the ${what}`}>
          <SkeletonItem />
          <SkeletonItem />
        </Skeleton>
      )}
    </>
  );
}
