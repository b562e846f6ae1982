import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ArmRotationPolicy } from '../../arm/types/key-vault';
import type { KeyRotationPolicy } from '../../arm/types/key-vault-data';
import { policyBody, policyErrors, policyForm } from '../../domain/keys/rotation-policy-form';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { RotationPolicyFields } from './rotation-policy-fields';
import { LockedWhile } from '../../portal/form/locked-while';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface Progress {
  /** The change is on its way: the dialog stays, its button waits. */
  pending?: boolean;
  /** Azure refused or could not be reached: said in the dialog, what the admin chose kept. */
  error?: unknown;
}

function Frame({
  title,
  action,
  onAction,
  onClose,
  children,
  pending,
  error,
}: {
  title: string;
  action: string;
  onAction(): void;
  onClose(): void;
  children: React.ReactNode;
} & Progress) {
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <LockedWhile locked={pending === true}>{children}</LockedWhile>
            {error ? (
              <ArmErrorBar error={error} title="The change was not made; your choice is kept" />
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={pending} onClick={onAction}>
              {pending ? 'Working…' : action}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** `datetime-local` text for a moment, in the admin's time zone. */
const localInput = (sec: number) => {
  const d = new Date(sec * 1000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The expiry of one version: a date and time, or none. A past date is allowed only through the guard. */
export function ExpiryDialog({
  version,
  current,
  onSet,
  onClose,
  ...progress
}: {
  version: string;
  current?: number;
  onSet(expiresAt: number | undefined): void;
  onClose(): void;
} & Progress) {
  const [never, setNever] = useState(current === undefined);
  const [text, setText] = useState(current ? localInput(current) : '');
  const [error, setError] = useState<string>();
  const apply = () => {
    if (never) return onSet(undefined);
    const ms = Date.parse(text);
    if (!text || Number.isNaN(ms)) return setError('Enter a date and time, or choose no expiry.');
    onSet(Math.floor(ms / 1000));
  };
  return (
    <Frame
      title={`Expiry of version ${version.slice(0, 8)}…`}
      action="Set expiry"
      onAction={apply}
      onClose={onClose}
      {...progress}
    >
      <Checkbox label="No expiry" checked={never} onChange={(_, d) => setNever(d.checked === true)} />
      {!never && (
        <Field label="Expires on" validationMessage={error}>
          <Input
            type="datetime-local"
            value={text}
            onChange={(_, d) => (setText(d.value), setError(undefined))}
          />
        </Field>
      )}
    </Frame>
  );
}

/** A new version of the key: the same type, a size to choose. */
export function NewVersionDialog({
  keyName,
  size,
  onCreate,
  onClose,
  ...progress
}: {
  keyName: string;
  size: number;
  onCreate(size: number): void;
  onClose(): void;
} & Progress) {
  const [value, setValue] = useState(String(size));
  return (
    <Frame
      title={`New version of ${keyName}`}
      action="Create version"
      onAction={() => onCreate(Number(value))}
      onClose={onClose}
      {...progress}
    >
      <Text>
        The new version becomes the key’s current one. Bots keep the version in their Key URL until you move
        them.
      </Text>
      <Field label="RSA key size">
        <Dropdown
          value={`RSA ${value}`}
          selectedOptions={[value]}
          onOptionSelect={(_, d) => setValue(d.optionValue ?? value)}
        >
          {['2048', '3072', '4096'].map((s) => (
            <Option key={s} value={s}>{`RSA ${s}`}</Option>
          ))}
        </Dropdown>
      </Field>
    </Frame>
  );
}

/** The key's rotation policy, with Key Vault's rules said before saving. */
export function RotationPolicyDialog({
  keyName,
  policy,
  known,
  onSave,
  onClose,
  ...progress
}: {
  keyName: string;
  policy: ArmRotationPolicy | KeyRotationPolicy | undefined;
  /** Whether the current policy was read: if not, saving replaces one not shown here. */
  known: boolean;
  onSave(p: KeyRotationPolicy): void;
  onClose(): void;
} & Progress) {
  const [form, setForm] = useState(() => policyForm(policy));
  const [tried, setTried] = useState(false);
  const errors = policyErrors(form);
  return (
    <Frame
      title={`Rotation policy of ${keyName}`}
      action="Save policy"
      onAction={() => (setTried(true), Object.keys(errors).length === 0 && onSave(policyBody(form)))}
      onClose={onClose}
      {...progress}
    >
      <Text>
        Key Vault rotates on its own when the policy says so. Azure Bot Service keeps using the version in
        each bot’s Key URL: after a rotation, move the bots to the new version (Keyguard shows when one
        exists).
      </Text>
      {!known && (
        <Text weight="semibold">
          The current policy could not be read here: saving replaces whatever policy the key has.
        </Text>
      )}
      <RotationPolicyFields form={form} errors={tried ? errors : {}} onChange={setForm} />
    </Frame>
  );
}
