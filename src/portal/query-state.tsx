import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { ArmErrorBar } from './arm-error-bar';

interface QueryLike {
  error: unknown;
  isLoading: boolean;
  refetch(): unknown;
}

/** What a blade shows while its resource loads, or when it could not be read (with a retry). */
export function QueryState({ query, what }: { query: QueryLike; what: string }) {
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
