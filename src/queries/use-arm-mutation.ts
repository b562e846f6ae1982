import { useMutation, useQueryClient } from '@tanstack/react-query';
import { normalizeResourceId } from '../arm/resource-id';
import { describeError } from '../domain/error-wording';
import { useChangeReporter } from './change-reporter';

export interface ArmMutationOptions<TVars, TResult> {
  /** A write runs to its end: leaving the blade must not cancel a change halfway (so no abort signal). */
  mutationFn: (vars: TVars) => Promise<TResult>;
  /** What the notification says while running, after success and after failure. */
  describe: (vars: TVars) => {
    resourceId: string;
    running: string;
    done: string;
    failed: string;
    doneMessage?: string;
  };
  /** ARM ids whose cached views are stale afterwards (prefix match: a vault id covers its keys too). */
  invalidates: (vars: TVars, result?: TResult) => string[];
  /**
   * Runs once Azure has answered 2xx, before the touched views are read again: a read that lands afterwards (another
   * admin's change meanwhile) is then newer than what this sets, instead of being overwritten by the write's answer.
   */
  onSuccess?: (result: TResult, vars: TVars) => void;
  /** The success notification's message when it depends on Azure's answer (it replaces `doneMessage`). */
  doneMessageOf?: (result: TResult, vars: TVars) => string | undefined;
  /** Lets views ask whether this change still runs (useIsMutating), even after they were mounted again. */
  mutationKey?: readonly unknown[];
}

/**
 * A change to Azure with the portal's notification life cycle: in progress → succeeded or failed in place, linking
 * to the resource; then every cached view of the touched resources is refreshed. Success is only claimed after Azure
 * answered 2xx.
 */
export function useArmMutation<TVars, TResult>(o: ArmMutationOptions<TVars, TResult>) {
  const queryClient = useQueryClient();
  const { start } = useChangeReporter();
  return useMutation({
    mutationKey: o.mutationKey,
    mutationFn: async (vars: TVars) => {
      const d = o.describe(vars);
      const handle = start({ title: d.running, resourceId: d.resourceId || undefined });
      try {
        const result = await o.mutationFn(vars);
        handle.succeed(d.done, o.doneMessageOf?.(result, vars) ?? d.doneMessage);
        try {
          o.onSuccess?.(result, vars);
        } catch (e) {
          // A fault in a view's own bookkeeping must not turn Azure's success into a reported failure.
          console.error(e);
        }
        return result;
      } catch (e) {
        const { message } = describeError(e);
        handle.fail(d.failed, message);
        throw e;
      } finally {
        await Promise.all(
          o
            .invalidates(vars)
            .map((id) => queryClient.invalidateQueries({ queryKey: ['arm', normalizeResourceId(id)] })),
        );
      }
    },
  });
}
