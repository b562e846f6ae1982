import { queryOptions } from '@tanstack/react-query';
import { deletedKeysList, gatewayProbe, rotationPolicyGet } from '../arm/operations/key-vault-data';
import { botChangesQuery } from '../arm/operations/resource-changes';
import { parseResourceChanges } from '../domain/history/changes';
import { queryKeys } from './keys';

/** Whether this deployment has the Key Vault gateway (asked once per session). */
export const gatewayQuery = () =>
  queryOptions({
    queryKey: ['gateway', 'probe'] as const,
    queryFn: ({ signal }) => gatewayProbe(signal),
    staleTime: Infinity,
  });

/** A vault's soft-deleted keys (data plane, through the gateway). */
export const deletedKeysQuery = (vaultId: string, vaultUrl: string) =>
  queryOptions({
    queryKey: queryKeys.child(vaultId, 'deletedkeys'),
    queryFn: ({ signal }) => deletedKeysList(vaultUrl, signal),
  });

/** A key's rotation policy from the data plane (through the gateway), for when ARM's key does not carry it. */
export const rotationPolicyQuery = (vaultId: string, vaultUrl: string, keyName: string) =>
  queryOptions({
    queryKey: queryKeys.child(vaultId, 'keys', keyName.toLowerCase(), 'rotationpolicy'),
    queryFn: ({ signal }) => rotationPolicyGet(vaultUrl, keyName, signal),
  });

/** The directory's bot changes of the last week: who moved off which key (and may still need it). */
export const botChangesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.resourceGraph('bot-changes-7d', 'tenant'),
    queryFn: async ({ signal }) => parseResourceChanges(await botChangesQuery(7, signal)),
    staleTime: 60_000,
  });
