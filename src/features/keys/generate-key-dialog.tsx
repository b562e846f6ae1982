import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { serverNow } from '../../arm/server-clock';
import type { KeyCreateParameters } from '../../arm/types/key-vault';
import { keyNamePattern } from '../../domain/key-url';
import {
  policyBody,
  policyErrors,
  policyForm,
  type RotationPolicyForm,
} from '../../domain/keys/rotation-policy-form';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { RotationPolicyFields } from './rotation-policy-fields';
import { LockedWhile } from '../../portal/form/locked-while';
import { RsaSizeField } from '../shared/rsa-size-field';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Generate a key (ARM's Keys_CreateIfNotExist, no gateway needed): an RSA key that may wrap and unwrap, with an
 * optional expiry and rotation policy. What is wrong is said before anything is sent.
 */
export function GenerateKeyDialog({
  existing,
  pending,
  error,
  onCreate,
  onClose,
}: {
  existing: string[];
  pending: boolean;
  error: unknown;
  onCreate(name: string, params: KeyCreateParameters): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [size, setSize] = useState('3072');
  const [expiryDays, setExpiryDays] = useState('');
  const [withPolicy, setWithPolicy] = useState(false);
  const [policy, setPolicy] = useState<RotationPolicyForm>({
    ...policyForm(undefined),
    rotate: 'after-create',
    rotateDays: '90',
    expiryDays: '365',
  });
  const [tried, setTried] = useState(false);
  const nameError = !name
    ? 'Enter a name for the key.'
    : !keyNamePattern.test(name)
      ? 'Use 1 to 127 letters, digits and hyphens.'
      : existing.some((k) => k.toLowerCase() === name.toLowerCase())
        ? 'A key of this name exists in this vault: add a version to it on its own blade instead.'
        : undefined;
  const expiryError =
    expiryDays && !/^\d{1,5}$/.test(expiryDays) ? 'Enter a whole number of days.' : undefined;
  const pErrors = withPolicy ? policyErrors(policy) : {};
  const invalid = nameError || expiryError || Object.keys(pErrors).length > 0;
  const create = () => {
    setTried(true);
    if (invalid) return;
    const exp = expiryDays ? Math.floor(serverNow() / 1000) + Number(expiryDays) * 86_400 : undefined;
    const body = withPolicy ? policyBody(policy) : undefined;
    onCreate(name, {
      properties: {
        kty: 'RSA',
        keySize: Number(size),
        keyOps: ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
        attributes: { enabled: true, ...(exp ? { exp } : {}) },
        ...(body
          ? {
              rotationPolicy: {
                attributes: body.attributes,
                lifetimeActions: (body.lifetimeActions ?? []).map((a) => ({
                  trigger: a.trigger,
                  action: { type: a.action.type.toLowerCase() },
                })),
              },
            }
          : {}),
      },
    });
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Generate a key</DialogTitle>
          <DialogContent className={styles.content}>
            <LockedWhile locked={pending}>
              <Field label="Name" required validationMessage={tried ? nameError : undefined}>
                <Input value={name} onChange={(_, d) => setName(d.value)} />
              </Field>
              <RsaSizeField label="RSA key size" size={size} onChange={setSize} />
              <Field
                label="Expires after (days, optional)"
                validationMessage={tried ? expiryError : undefined}
              >
                <Input value={expiryDays} onChange={(_, d) => setExpiryDays(d.value)} inputMode="numeric" />
              </Field>
              <Checkbox
                label="Rotate it automatically"
                checked={withPolicy}
                onChange={(_, d) => setWithPolicy(d.checked === true)}
              />
              {withPolicy && (
                <RotationPolicyFields form={policy} errors={tried ? pErrors : {}} onChange={setPolicy} />
              )}
            </LockedWhile>
            {error ? (
              <ArmErrorBar error={error} title="Azure refused the key; what you entered is kept" />
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={pending} onClick={create}>
              {pending ? 'Generating…' : 'Generate'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
