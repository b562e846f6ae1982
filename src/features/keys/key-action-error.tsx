import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useSession } from '../../auth/session';
import { keyVaultProblem, type RunYourselfReason } from '../../domain/keys/key-vault-errors';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useSelfAccessFixes } from '../../queries/mutations/use-self-access-fixes';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Key Vault's refusal in plain words with its fix: the firewall (offer the address it saw, with what that widens),
 * a missing access-policy permission or RBAC role for the signed-in admin, a key name held by a deleted key.
 */
export function KeyActionError({
  error,
  vaultId,
  keyName,
  onRetry,
  onRecover,
  onRunYourself,
}: {
  error: unknown;
  vaultId: string;
  keyName?: string;
  onRetry(): void;
  onRecover?(name: string): void;
  /** Hands the refused action over as the command to run from the admin's own network. */
  onRunYourself?(why: RunYourselfReason): void;
}) {
  const styles = useStyles();
  const session = useSession();
  const fixes = useSelfAccessFixes(vaultId, session.account);
  const problem = keyVaultProblem(error);
  const fixThenRetry = (fix: Parameters<typeof fixes.mutate>[0]) => fixes.mutate(fix, { onSuccess: onRetry });
  if (!problem) return <ArmErrorBar error={error} onRetry={onRetry} />;
  const fix = problem.fix;
  return (
    <div className={styles.block}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{problem.title}</MessageBarTitle>
          {problem.message}
          {fix?.kind === 'firewall-address' && (
            <Text block size={200}>
              Adding {fix.address} lets every call from that address through the firewall, not only yours.
            </Text>
          )}
          {problem.properly && (
            <Text block size={200}>
              {problem.properly}
            </Text>
          )}
          {fix?.kind === 'rbac-role' && (
            <Text block size={200}>
              A new role assignment can take a few minutes to apply: try again if the first attempt is
              refused.
            </Text>
          )}
        </MessageBarBody>
        <MessageBarActions>
          {fix?.kind === 'firewall-address' && (
            <Button
              disabled={fixes.isPending}
              onClick={() => fixThenRetry({ kind: 'firewall-address', address: fix.address })}
            >
              Add {fix.address} to the firewall and try again
            </Button>
          )}
          {fix?.kind === 'run-yourself' && onRunYourself && (
            <Button onClick={() => onRunYourself(fix.why)}>
              {fix.why === 'firewall' ? 'Run it from your own network' : 'Run it yourself'}
            </Button>
          )}
          {fix?.kind === 'access-policy' && (
            <Button
              disabled={fixes.isPending}
              onClick={() => fixThenRetry({ kind: 'access-policy', permission: fix.permission })}
            >
              Give yourself “{fix.permission}” and try again
            </Button>
          )}
          {fix?.kind === 'rbac-role' && (
            <Button disabled={fixes.isPending} onClick={() => fixThenRetry({ kind: 'rbac-role' })}>
              Assign yourself Key Vault Crypto Officer and try again
            </Button>
          )}
          {fix?.kind === 'recover' && keyName && onRecover && (
            <Button onClick={() => onRecover(keyName)}>Recover {keyName}</Button>
          )}
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
      {fixes.error ? <ArmErrorBar error={fixes.error} title="The access could not be changed" /> : null}
    </div>
  );
}
