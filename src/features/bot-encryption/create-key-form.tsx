import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { keysCreateIfNotExist } from '../../arm/operations/keys';
import type { Key } from '../../arm/types/key-vault';
import { keyNamePattern } from '../../domain/key-url';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { RsaSizeField } from '../shared/rsa-size-field';

const useStyles = makeStyles({
  create: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/**
 * "Create new key" inside the picker: an RSA key that may wrap and unwrap (Keys_CreateIfNotExist, ARM). `selection`
 * (what the picker had chosen when Create was pressed) comes back with the key, so a choice made meanwhile stands.
 */
export function CreateKeyForm({
  vaultId,
  existing,
  selection,
  onCreated,
}: {
  vaultId: string;
  existing: Key[] | undefined;
  selection: string;
  onCreated(key: Key, selectionWhenSent: string): void;
}) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [size, setSize] = useState('3072');
  const create = useArmMutation({
    mutationFn: (v: { name: string; size: number; selection: string }) =>
      keysCreateIfNotExist(vaultId, v.name, {
        properties: { kty: 'RSA', keySize: v.size, keyOps: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] },
      }),
    describe: (v) => ({
      resourceId: vaultId,
      running: `Creating key ${v.name}`,
      done: `Created key ${v.name}`,
      failed: `Could not create key ${v.name}`,
    }),
    invalidates: () => [vaultId],
    onSuccess: (key, v) => {
      // A name typed while the key was being made is the next one, not this one.
      setName((typed) => (typed === v.name ? '' : typed));
      onCreated(key, v.selection);
    },
  });
  const error =
    name && !keyNamePattern.test(name)
      ? 'Use 1 to 127 letters, digits and hyphens.'
      : existing?.some((k) => k.name.toLowerCase() === name.toLowerCase())
        ? 'A key with this name exists; pick it in the list.'
        : undefined;
  return (
    <>
      <div className={styles.create}>
        <Field
          label="Create new key (RSA, wrap and unwrap)"
          validationState={error ? 'error' : 'none'}
          validationMessage={error}
        >
          <Input value={name} placeholder="bot-cmk-key-2027" onChange={(_, d) => setName(d.value)} />
        </Field>
        <RsaSizeField label="Key size" size={size} onChange={setSize} />
        <Button
          icon={<AddRegular />}
          disabled={!name || error !== undefined || create.isPending}
          onClick={() => create.mutate({ name, size: Number(size), selection })}
        >
          {create.isPending ? 'Creating…' : 'Create new key'}
        </Button>
      </div>
      {create.error ? <ArmErrorBar error={create.error} title="The key could not be created" /> : null}
    </>
  );
}
