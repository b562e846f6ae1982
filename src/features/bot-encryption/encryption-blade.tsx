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
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { isArmError } from '../../arm/errors';
import { botsUpdate } from '../../arm/operations/bots';
import { stripDefaultPort } from '../../arm/key-uri';
import { serverNow } from '../../arm/server-clock';
import { readinessSummary } from '../../domain/readiness';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { QueryState } from '../../portal/query-state';
import { useBlade } from '../../portal/blade/blade-context';
import { SettingsBlade } from '../../portal/blade/settings-blade';
import { ChangedUnderneathBar } from '../../portal/form/changed-underneath-bar';
import { useSettingsForm } from '../../portal/form/use-settings-form';
import { useAfterFirstPaint } from '../../portal/use-after-first-paint';
import { resourceHash } from '../../portal/navigation/routes';
import { useNotifications } from '../../portal/notifications/notifications-context';
import { botQuery } from '../../queries/resources';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { writeIfUnchanged } from '../../queries/write-if-unchanged';
import { isChangedMeanwhile } from '../../portal/form/changed-meanwhile-error';
import { AboutEncryption } from './about-encryption';
import { readChange, weekMs, writeChange, type ChangeRecord } from './change-log';
import { ChangeAsCode } from './change-as-code';
import {
  changeAsCode,
  changeKind,
  encryptionChanges,
  encryptionFormFromBot,
  encryptionPatch,
  type EncryptionForm,
} from './encryption-form';
import { documentedMaxMs, phaseOf } from './encryption-status';
import { EncryptionStatusSection } from './encryption-status-section';
import { checkKeyUrl } from './key-url';
import { ReadinessPanel } from './readiness-panel';
import { useReadiness } from './use-readiness';

// The picker and the confirmation load when first needed: they are not part of showing the blade.
const KeyPicker = lazy(() => import('./key-picker').then((m) => ({ default: m.KeyPicker })));
const SaveConfirmDialog = lazy(() =>
  import('./save-confirm-dialog').then((m) => ({ default: m.SaveConfirmDialog })),
);

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' },
  valid: { color: tokens.colorStatusSuccessForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export default function EncryptionBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const queryClient = useQueryClient();
  const { post } = useNotifications();
  const [change, setChange] = useState<ChangeRecord | undefined>(() => readChange(blade.resourceId));
  const bot = useQuery({
    ...botQuery(blade.resourceId),
    // Poll while Azure is still working after a change; TanStack stops it while the tab is hidden.
    refetchInterval: (q) => {
      const d = q.state.data;
      if (!d) return false;
      const phase = phaseOf(d.properties.cmekEncryptionStatus, d.properties.isCmekEnabled === true);
      const recent = change !== undefined && serverNow() - change.at < documentedMaxMs * 2;
      return phase === 'working' || (phase === 'unknown' && recent) ? 5000 : false;
    },
  });
  const serverForm = useMemo(() => (bot.data ? encryptionFormFromBot(bot.data) : undefined), [bot.data]);
  const f = useSettingsForm<EncryptionForm>(serverForm);
  const [pickerOpen, setPickerOpen] = useState(false);
  // The picker unmounts when closed: focus goes back to the link that opened it (tabster's restorer).
  const restoreFocusHere = useRestoreFocusTarget();
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<{ cli: string; bicep: string }>();
  const form = f.form;
  const base = f.base;
  const keyCheck = form?.type === 'customer' ? checkKeyUrl(form.keyUrl) : undefined;
  const painted = useAfterFirstPaint(bot.data !== undefined);
  const keyForReadiness = !painted
    ? ''
    : form?.type === 'customer' && keyCheck?.ok
      ? form.keyUrl
      : base?.type === 'customer'
        ? base.keyUrl
        : '';
  const readiness = useReadiness(bot.data, keyForReadiness);
  const currentReadiness = useReadiness(bot.data, painted && base?.type === 'customer' ? base.keyUrl : '');
  const previousKey =
    change?.previousKeyUrl && serverNow() - change.at < weekMs ? change.previousKeyUrl : undefined;
  const previousReadiness = useReadiness(bot.data, painted ? (previousKey ?? '') : '');
  const kind = form && base ? changeKind(base, form) : 'none';

  const save = useArmMutation({
    mutationFn: (target: EncryptionForm, signal) =>
      writeIfUnchanged({
        queryClient,
        query: botQuery(blade.resourceId),
        toForm: encryptionFormFromBot,
        base: base as EncryptionForm,
        what: `the encryption settings of ${blade.resourceName}`,
        write: (latest) => botsUpdate(blade.resourceId, encryptionPatch(latest, target), signal),
      }),
    describe: (target) => ({
      resourceId: blade.resourceId,
      running:
        target.type === 'customer'
          ? `Saving customer-managed key for ${blade.resourceName}`
          : `Switching ${blade.resourceName} to Microsoft-managed keys`,
      done: `Saved encryption settings of ${blade.resourceName}`,
      doneMessage:
        'Azure Bot Service now encrypts in the background (up to 24 hours); the bot keeps working.',
      failed: `Could not save encryption settings of ${blade.resourceName}`,
    }),
    invalidates: () => [blade.resourceId],
    onSuccess: (result, target) => {
      const k = base && changeKind(base, target);
      if (k && k !== 'none') {
        const record: ChangeRecord = {
          kind: k,
          at: serverNow(),
          keyUrl: target.keyUrl || undefined,
          previousKeyUrl: k === 'rotate' ? base.keyUrl : undefined,
        };
        writeChange(blade.resourceId, record);
        setChange(record);
      }
      queryClient.setQueryData(botQuery(blade.resourceId).queryKey, result);
      setSaved(changeAsCode(result, target));
      f.accept(encryptionFormFromBot(result));
    },
  });

  // Tell the admin when Azure reports that the work has finished.
  const phase = bot.data
    ? phaseOf(bot.data.properties.cmekEncryptionStatus, bot.data.properties.isCmekEnabled === true)
    : undefined;
  const lastPhase = useRef(phase);
  useEffect(() => {
    if (lastPhase.current === 'working' && (phase === 'done' || phase === 'off')) {
      post({
        title:
          phase === 'done'
            ? `Encryption finished for ${blade.resourceName}`
            : `${blade.resourceName} is back on Microsoft-managed keys`,
        message: `Azure reports “${bot.data?.properties.cmekEncryptionStatus}”.`,
        status: 'success',
        resourceId: blade.resourceId,
        linkHash: resourceHash(blade.resourceId, 'encryption', blade.tenant),
      });
    }
    lastPhase.current = phase;
  }, [phase, post, blade.resourceId, blade.resourceName, blade.tenant, bot.data]);

  const fieldError =
    isArmError(save.error) && save.error.target === 'properties.cmekKeyVaultUrl'
      ? save.error.message
      : undefined;
  const keyOutOfReach =
    base?.type === 'customer' &&
    (phase === 'failed' || readinessSummary(currentReadiness.checks).failed.length > 0);
  const invalidReason = form?.type === 'customer' && keyCheck && !keyCheck.ok ? keyCheck.message : undefined;

  return (
    <SettingsBlade
      dirty={f.dirty}
      saving={save.isPending}
      saveBlockedReason={invalidReason}
      onSave={() => (save.reset(), setConfirming(true))}
      onDiscard={() => (f.discard(), save.reset())}
      onRefresh={() => {
        void bot.refetch();
        readiness.recheck();
        currentReadiness.recheck();
        previousReadiness.recheck();
      }}
      refreshing={bot.isFetching}
      status={
        f.changedUnderneath ? (
          <ChangedUnderneathBar
            changes={base && f.server ? encryptionChanges(base, f.server) : []}
            onKeepMine={() => (f.rebase(), save.reset())}
            onTakeTheirs={() => (f.reload(), save.reset())}
          />
        ) : undefined
      }
    >
      <QueryState query={bot} what="bot" />
      {save.error && !fieldError && !isChangedMeanwhile(save.error) ? (
        <ArmErrorBar error={save.error} title="Azure refused the change; what you entered is kept" />
      ) : null}
      {keyOutOfReach && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The bot cannot use its key</MessageBarTitle>
            Azure Bot Service cannot reach the customer-managed key of this bot, so the bot cannot send or
            receive messages and its configuration cannot be read or changed.{' '}
            {readinessSummary(currentReadiness.checks)
              .failed.map((c) => c.reason)
              .join(' ')}{' '}
            Restore access with the fixes below; the Bot Service team cannot recover a bot without its key.
          </MessageBarBody>
        </MessageBar>
      )}
      {previousKey &&
        readinessSummary(previousReadiness.checks).failed.some(
          (c) => c.id === 'key-state' || c.id === 'permissions' || c.id === 'firewall',
        ) && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The previous key became unusable too early</MessageBarTitle>
              The key replaced on {new Date(change!.at).toUTCString()} ({previousKey}) must stay available for
              at least a week while data is re-encrypted, or the bot may stop working.{' '}
              {readinessSummary(previousReadiness.checks)
                .failed.map((c) => c.reason)
                .join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
      {bot.data && form && base && (
        <>
          <section className={styles.section} aria-label="About encryption">
            <Text as="p">
              Azure Bot Service encrypts your bot’s data at rest. By default it uses keys that Microsoft
              manages for you, with nothing to configure.
            </Text>
            <Text as="p">
              You can add your own key from Azure Key Vault (customer-managed keys, also called bring your own
              key). You then control that key: you can rotate it, disable it, revoke access to it, and audit
              its use; if the key is lost or access is revoked, the bot stops working.{' '}
              <Link
                href="https://learn.microsoft.com/azure/bot-service/bot-service-encryption"
                target="_blank"
                rel="noreferrer"
              >
                Learn more about Azure Bot Service encryption
              </Link>
            </Text>
          </section>
          <section className={styles.section} aria-label="Encryption settings">
            <Field label="Encryption type">
              <RadioGroup
                value={form.type}
                onChange={(_, d) => f.set((x) => ({ ...x, type: d.value as EncryptionForm['type'] }))}
              >
                <Radio value="microsoft" label="Microsoft-Managed Keys" />
                <Radio value="customer" label="Customer-Managed Keys" />
              </RadioGroup>
            </Field>
            {form.type === 'customer' && (
              <>
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>
                    The key vault needs soft delete and purge protection, Microsoft.BotService registered on
                    its subscription, and an access policy giving the Bot Service CMEK Prod service principal
                    Get, Wrap Key and Unwrap Key (or the Key Vault Crypto Service Encryption User role on an
                    RBAC vault). The readiness check below tells you what is missing.
                  </MessageBarBody>
                </MessageBar>
                {base.type === 'customer' && kind === 'rotate' && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Rotating the key</MessageBarTitle>
                      Current key: <span className={styles.mono}>{base.keyUrl}</span>
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
                    fieldError || (form.keyUrl && invalidReason) ? 'error' : keyCheck?.ok ? 'success' : 'none'
                  }
                  validationMessage={
                    fieldError ??
                    (form.keyUrl ? invalidReason : undefined) ??
                    (keyCheck?.ok ? 'A full versioned key URI.' : undefined)
                  }
                  validationMessageIcon={
                    keyCheck?.ok && !fieldError ? (
                      <CheckmarkCircleFilled className={styles.valid} />
                    ) : undefined
                  }
                  hint="The key identifier including its version, for example https://contoso-kv.vault.azure.net/keys/bot-key/0123456789abcdef0123456789abcdef"
                >
                  <Input
                    value={form.keyUrl}
                    onChange={(_, d) => f.set((x) => ({ ...x, keyUrl: d.value }))}
                    placeholder="https://{vault}.vault.azure.net/keys/{key}/{version}"
                  />
                </Field>
                <Link
                  as="button"
                  onClick={() => setPickerOpen(true)}
                  style={{ alignSelf: 'start' }}
                  {...restoreFocusHere}
                >
                  Select a key vault and a key
                </Link>
              </>
            )}
            {form.type === 'microsoft' && base.type === 'customer' && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Turning customer-managed keys off</MessageBarTitle>
                  The bot goes back to Microsoft-managed keys once Azure has re-encrypted its data. Keep the
                  current key available until the status says so; only then revoke the vault access.
                </MessageBarBody>
              </MessageBar>
            )}
          </section>
          <EncryptionStatusSection bot={bot.data} change={change} />
          {(form.type === 'customer' || base.type === 'customer') && <ReadinessPanel readiness={readiness} />}
          {saved && <ChangeAsCode cli={saved.cli} bicep={saved.bicep} />}
          <AboutEncryption />
        </>
      )}
      <Suspense fallback={null}>
        {pickerOpen && (
          <KeyPicker
            open={pickerOpen}
            onClose={() => setPickerOpen(false)}
            onPick={(url) => {
              f.set((x) => ({ ...x, keyUrl: stripDefaultPort(url) }));
              setPickerOpen(false);
            }}
          />
        )}
        {form && base && confirming && (
          <SaveConfirmDialog
            open={confirming}
            base={base}
            form={form}
            failures={form.type === 'customer' ? readinessSummary(readiness.checks).failed : []}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              save.mutate(form);
            }}
          />
        )}
      </Suspense>
    </SettingsBlade>
  );
}
