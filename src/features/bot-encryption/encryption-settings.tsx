import {
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { unversionedKeyWarning } from '../../domain/bot-encryption';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { useSession } from '../../auth/session';
import type { KeyUrlResult, VersionedKeyUrl } from '../../domain/key-url';
import type { EncryptionState } from '../../domain/bot-encryption';
import type { ChangeKind, EncryptionForm } from './encryption-form';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' },
  valid: { color: tokens.colorStatusSuccessForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** Encryption type, Key URL (checked as typed) and the picker link, as on the portal's blade. */
export function EncryptionSettings({
  form,
  base,
  kind,
  parsed,
  fieldError,
  savedUnversioned,
  onChange,
  onOpenPicker,
}: {
  form: EncryptionForm;
  base: EncryptionState;
  kind: ChangeKind;
  parsed: KeyUrlResult<VersionedKeyUrl> | undefined;
  /** Azure's refusal of the key, shown at the field. */
  fieldError: string | undefined;
  /** The bot's saved Key URL when it has no version: a warning while the field still shows it. */
  savedUnversioned?: string;
  onChange(update: (f: EncryptionForm) => EncryptionForm): void;
  onOpenPicker(): void;
}) {
  const styles = useStyles();
  // The picker unmounts when closed: focus goes back to the link that opened it (tabster's restorer).
  const restoreFocusHere = useRestoreFocusTarget();
  const unversioned = savedUnversioned !== undefined && form.keyUrl === savedUnversioned;
  const invalid = parsed && !parsed.ok && !unversioned ? parsed.message : undefined;
  const suffix = useSession().cloud.keyVaultDnsSuffix;
  return (
    <section className={styles.section} aria-label="Encryption settings">
      <Field label="Encryption type">
        <RadioGroup
          value={form.type}
          onChange={(_, d) => onChange((x) => ({ ...x, type: d.value as EncryptionForm['type'] }))}
        >
          <Radio value="microsoft" label="Microsoft-Managed Keys" />
          <Radio value="customer" label="Customer-Managed Keys" />
        </RadioGroup>
      </Field>
      {form.type === 'customer' && (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              The key vault needs soft delete and purge protection, Microsoft.BotService registered on its
              subscription, and an access policy giving Microsoft’s Bot Service CMEK Prod service principal
              Get, Wrap Key and Unwrap Key (or the Key Vault Crypto Service Encryption User role on an RBAC
              vault). The readiness check below tells you what is missing.
            </MessageBarBody>
          </MessageBar>
          {base.cmek && kind === 'rotate' && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Rotating the key</MessageBarTitle>
                Current key: <span className={styles.mono}>{base.key?.href ?? 'unknown'}</span>
                <br />
                Keep the current key enabled and reachable for at least a week after saving: data is
                re-encrypted in the background and still needs it.
              </MessageBarBody>
            </MessageBar>
          )}
          <Field
            label="Key URL"
            required
            validationState={
              fieldError || (form.keyUrl && invalid)
                ? 'error'
                : unversioned
                  ? 'warning'
                  : parsed?.ok
                    ? 'success'
                    : 'none'
            }
            validationMessage={
              fieldError ??
              (form.keyUrl ? invalid : undefined) ??
              (unversioned ? unversionedKeyWarning : undefined) ??
              (parsed?.ok ? 'A full versioned key URI.' : undefined)
            }
            validationMessageIcon={
              parsed?.ok && !fieldError ? <CheckmarkCircleFilled className={styles.valid} /> : undefined
            }
            hint={`The key identifier including its version, for example https://contoso-kv${suffix}/keys/bot-key/0123456789abcdef0123456789abcdef`}
          >
            <Input
              value={form.keyUrl}
              onChange={(_, d) => onChange((x) => ({ ...x, keyUrl: d.value }))}
              placeholder={`https://{vault}${suffix}/keys/{key}/{version}`}
            />
          </Field>
          <Link as="button" onClick={onOpenPicker} style={{ alignSelf: 'start' }} {...restoreFocusHere}>
            Select a key vault and a key
          </Link>
        </>
      )}
      {form.type === 'microsoft' && base.cmek && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Turning customer-managed keys off</MessageBarTitle>
            The bot goes back to Microsoft-managed keys once Azure has re-encrypted its data. Keep the current
            key available until the status says so; only then revoke the vault access.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
