import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { dateTimeText } from '../../domain/time-text';
import { deletedKeysQuery } from '../../queries/key-vault';
import { KeyActionError } from './key-action-error';
import type { KeyActionFlow } from './use-key-action';

/** Soft-deleted keys, with when they are purged and Recover (data plane: listed through the gateway). */
export function DeletedKeys({ vaultId, flow }: { vaultId: string; flow: KeyActionFlow }) {
  const deleted = useQuery({
    ...deletedKeysQuery(vaultId, flow.vaultUrl),
    enabled: flow.gateway === true && flow.vaultUrl !== '',
  });
  if (flow.gateway === false)
    return (
      <Text>
        Deleted keys are listed on Key Vault’s data plane, which this deployment cannot reach without its
        gateway. Run <code>az keyvault key list-deleted --vault-name {flow.vaultName}</code>, and recover one
        with <code>az keyvault key recover --vault-name {flow.vaultName} --name NAME</code>.
      </Text>
    );
  if (deleted.error)
    return <KeyActionError error={deleted.error} vaultId={vaultId} onRetry={() => void deleted.refetch()} />;
  const list = deleted.data ?? [];
  return (
    <Table aria-label="Deleted keys" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Deleted</TableHeaderCell>
          <TableHeaderCell>Purged on</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.map((d) => {
          const name = d.kid?.split('/').pop() ?? '';
          return (
            <TableRow key={d.kid}>
              <TableCell>{name}</TableCell>
              <TableCell>{d.deletedDate ? dateTimeText(d.deletedDate * 1000) : '—'}</TableCell>
              <TableCell>{d.scheduledPurgeDate ? dateTimeText(d.scheduledPurgeDate * 1000) : '—'}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  aria-label={`Recover ${name}`}
                  disabled={flow.mutation.isPending}
                  onClick={() => flow.request({ kind: 'recover', keyName: name })}
                >
                  Recover
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
        {list.length === 0 && (
          <TableRow>
            <TableCell colSpan={4}>
              {deleted.isLoading ? 'Loading deleted keys…' : 'No deleted keys.'}
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
