import type { RunYourselfReason } from '../../domain/keys/key-vault-errors';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isArmError } from '../../arm/errors';
import { parseResourceId } from '../../arm/resource-id';
import { serverNow } from '../../arm/server-clock';
import type { Vault } from '../../arm/types/key-vault';
import type { KeyCommand } from '../../domain/as-code/key-as-code';
import { commandTookEffect } from '../../domain/keys/check-again';
import { checkGuard, type GuardAction, type Verdict } from '../../domain/keys/key-guard';
import { gatewayQuery } from '../../queries/key-vault';
import { useKeyActions, type KeyAction } from '../../queries/mutations/use-key-actions';
import { keysQuery, keyVersionsQuery } from '../../queries/resources';
import { useVaultKeyDependents } from '../shared/use-vault-key-dependents';

/** The same action as the admin would run it themselves (every action but Generate, which ARM does). */
function commandOf(a: KeyAction, vaultName: string): KeyCommand | undefined {
  const k = { vaultName, keyName: a.keyName };
  switch (a.kind) {
    case 'generate':
      return undefined;
    case 'new-version':
      return { kind: 'new-version', ...k, keySize: a.keySize };
    case 'rotate':
      return { kind: 'rotate', ...k };
    case 'set-enabled':
      return { kind: 'set-enabled', ...k, version: a.version, enabled: a.enabled };
    case 'set-expiry':
      return { kind: 'set-expiry', ...k, version: a.version, expiresAt: a.expiresAt };
    case 'rotation-policy':
      return { kind: 'rotation-policy', ...k, policy: a.policy };
    case 'delete':
      return { kind: 'delete', ...k };
    case 'recover':
      return { kind: 'recover', ...k };
  }
}

/** What the guard checks for an action (those that can leave a version unusable). */
function guardActionOf(a: KeyAction, vaultName: string): GuardAction | undefined {
  if (a.kind === 'set-enabled' && !a.enabled)
    return { kind: 'disable', vaultName, keyName: a.keyName, version: a.version };
  if (a.kind === 'set-expiry' && a.expiresAt !== undefined)
    return {
      kind: 'expire',
      vaultName,
      keyName: a.keyName,
      version: a.version,
      expiresAt: a.expiresAt * 1000,
    };
  if (a.kind === 'delete') return { kind: 'delete', vaultName, keyName: a.keyName };
  return undefined;
}

export interface Confirming {
  action: KeyAction;
  verdict?: Verdict;
  onDone?: () => void;
}

export interface CliPath {
  action: KeyAction;
  command: KeyCommand;
  versionsBefore: number;
  /** No gateway in this deployment, or why the gateway's way did not work. */
  reason: 'no-gateway' | RunYourselfReason;
}

/**
 * A key action from request to result: the guard first (for what could stop a bot), a plain confirmation for what
 * cannot be undone at once, then the gateway when the deployment has one, else the command to run and Check again.
 */
export function useKeyAction(vaultId: string, vault: Vault | undefined) {
  const queryClient = useQueryClient();
  const vaultUrl = (vault?.properties.vaultUri ?? '').replace(/\/+$/, '');
  const vaultName = vault?.name ?? parseResourceId(vaultId)?.name ?? '';
  const gateway = useQuery(gatewayQuery());
  const users = useVaultKeyDependents(vault);
  const mutation = useKeyActions(vaultId, vaultUrl);
  const [confirming, setConfirming] = useState<Confirming>();
  const [cli, setCli] = useState<CliPath>();
  const [last, setLast] = useState<KeyAction>();

  const handOver = (a: KeyAction, command: KeyCommand, reason: CliPath['reason']) => {
    const versions = queryClient.getQueryData(keyVersionsQuery(vaultId, a.keyName).queryKey);
    setCli({ action: a, command, versionsBefore: versions?.length ?? 0, reason });
  };

  /** `onDone`: the change was made (or handed over as a command); a dialog that asked for it may close. */
  const run = (a: KeyAction, onDone?: () => void) => {
    setLast(a);
    const command = commandOf(a, vaultName);
    if (!command || gateway.data === true) {
      mutation.mutate(a, { onSuccess: onDone });
      return;
    }
    handOver(a, command, 'no-gateway');
    onDone?.();
  };

  const request = (a: KeyAction, onDone?: () => void) => {
    mutation.reset();
    const g = guardActionOf(a, vaultName);
    const verdict = g ? checkGuard(g, users.uses, users.unknownForGuard, serverNow()) : undefined;
    if (verdict && (verdict.impacts.length || verdict.unknown.length))
      setConfirming({ action: a, verdict, onDone });
    else if (a.kind === 'delete' || a.kind === 'rotate') setConfirming({ action: a, onDone });
    else run(a, onDone);
  };

  const checkAgain = async () => {
    if (!cli) return undefined;
    const keys = await queryClient.fetchQuery({ ...keysQuery(vaultId), staleTime: 0 });
    const versions = await queryClient
      .fetchQuery({ ...keyVersionsQuery(vaultId, cli.command.keyName), staleTime: 0 })
      .catch((e: unknown) => {
        if (isArmError(e) && e.status === 404) return [];
        throw e;
      });
    const key = keys.find((k) => k.name.toLowerCase() === cli.command.keyName.toLowerCase());
    return commandTookEffect(cli.command, { key, versions }, cli.versionsBefore);
  };

  return {
    vaultUrl,
    vaultName,
    gateway: gateway.data,
    users,
    mutation,
    request,
    confirming,
    confirm: () => {
      if (confirming) run(confirming.action, confirming.onDone);
      setConfirming(undefined);
    },
    cancel: () => setConfirming(undefined),
    cli,
    closeCli: () => setCli(undefined),
    checkAgain,
    retry: () => last && run(last),
    /** The last action as the command to run in the admin's own shell, and why the gateway's way did not work. */
    runYourself: (why: RunYourselfReason) => {
      const command = last && commandOf(last, vaultName);
      if (!last || !command) return;
      mutation.reset();
      handOver(last, command, why);
    },
  };
}

export type KeyActionFlow = ReturnType<typeof useKeyAction>;
