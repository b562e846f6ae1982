import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { isArmError } from '../../arm/errors';
import { serverNow } from '../../arm/server-clock';
import type { Bot } from '../../arm/types/bot';
import { stateOfBot, unversionedKeyOf } from '../../domain/bot-encryption';
import { parseVersionedKeyUrl } from '../../domain/key-url';
import { useBlade } from '../../portal/blade/blade-context';
import { SettingsBlade } from '../../portal/blade/settings-blade';
import { useSettingsForm } from '../../portal/form/use-settings-form';
import { QueryState } from '../../portal/query-state';
import { botQuery, keyVersionsQuery } from '../../queries/resources';
import { AboutEncryption, EncryptionIntro } from './about-encryption';
import {
  changeKind,
  encryptionChanges,
  encryptionFormFromBot,
  targetOf,
  type EncryptionForm,
  type EncryptionTarget,
} from './encryption-form';
import { documentedMaxMs, phaseOf } from '../../domain/encryption-status';
import { EncryptionSettings } from './encryption-settings';
import { EncryptionStatusSection } from './encryption-status-section';
import { KeyOutOfReachBar, NewerVersionBar, ReplacedKeyBar } from './encryption-warnings';
import { newerUsableVersion, versionUrlOf } from '../../domain/keys/key-versions';
import { KeyHistorySection } from './key-history-section';
import { useKeyHistory } from './use-key-history';
import { keyToKeep } from '../../domain/history/key-history';
import { KeyUsageSummary } from '../shared/key-usage-summary';
import { ReadinessPanel } from '../shared/readiness-panel';
import { SaveAsCode, SavedAsCode } from './save-as-code';
import { useEncryptionChecks } from './use-encryption-checks';
import { useEncryptionSave } from './use-encryption-save';
import { useFinishedNotice } from './use-finished-notice';

// The picker and the confirmation load when first needed: they are not part of showing the blade.
const KeyPicker = lazy(() => import('./key-picker').then((m) => ({ default: m.KeyPicker })));
// Alerting loads after the blade shows its state: the deep link's JavaScript does not grow with it.
const WhoIsTold = lazy(() => import('../shared/alerts/who-is-told').then((m) => ({ default: m.WhoIsTold })));
const SaveConfirmDialog = lazy(() =>
  import('./save-confirm-dialog').then((m) => ({ default: m.SaveConfirmDialog })),
);

/** Bot → Encryption: Microsoft- or customer-managed keys, the key, Azure's status, readiness, and the change as code. */
export default function EncryptionBlade() {
  const blade = useBlade();
  // The time of the last key change, for the polling decision below (read by TanStack between renders).
  const lastChangeAt = useRef<number | undefined>(undefined);
  const bot = useQuery({
    ...botQuery(blade.resourceId),
    // Poll while Azure is still working after a change; TanStack stops it while the tab is hidden.
    refetchInterval: (q) => {
      const d = q.state.data;
      if (!d) return false;
      const phase = phaseOf(d.properties.cmekEncryptionStatus, d.properties.isCmekEnabled === true);
      const at = lastChangeAt.current;
      const recent = at !== undefined && serverNow() - at < documentedMaxMs * 2;
      return phase === 'working' || (phase === 'unknown' && recent) ? 5000 : false;
    },
  });
  const serverForm = useMemo(() => (bot.data ? encryptionFormFromBot(bot.data) : undefined), [bot.data]);
  const f = useSettingsForm<EncryptionForm>(serverForm, blade.resourceId);
  const current = useMemo(() => (bot.data ? stateOfBot(bot.data) : undefined), [bot.data]);
  const working = bot.data
    ? phaseOf(bot.data.properties.cmekEncryptionStatus, bot.data.properties.isCmekEnabled === true) ===
      'working'
    : false;
  const keyHistory = useKeyHistory(blade.resourceId, current?.key, bot.data !== undefined, working);
  const history = keyHistory.history;
  const lastChange = history?.source === 'changes' ? history.lastChange : undefined;
  useEffect(() => {
    lastChangeAt.current = lastChange?.at;
  }, [lastChange?.at]);
  const parsed = useMemo(
    () => (f.form?.type === 'customer' ? parseVersionedKeyUrl(f.form.keyUrl) : undefined),
    [f.form],
  );
  const target = f.form ? targetOf(f.form, parsed) : undefined;
  const kind = current && target ? changeKind(current, target) : 'none';
  const [pickerOpen, setPickerOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<{ bot: Bot; target: EncryptionTarget }>();
  const rotation = keyToKeep(history, serverNow());
  const previousKey = rotation?.previousKey;
  const checks = useEncryptionChecks(bot.data, {
    current: current?.key,
    candidate: target?.type === 'customer' ? target.key : current?.key,
    previous: previousKey,
  });
  // The form as it was sent: what the user changes while the save runs is kept on top of the result.
  const sentForm = useRef<EncryptionForm | undefined>(undefined);
  const save = useEncryptionSave(f.base, (result, saveTarget) => {
    setSaved({ bot: result, target: saveTarget });
    f.accept(encryptionFormFromBot(result), sentForm.current ?? encryptionFormFromBot(result));
  });
  useFinishedNotice(bot.data);
  const ownVaultId = checks.current.vaultId;
  const versions = useQuery({
    ...keyVersionsQuery(ownVaultId ?? '', current?.key?.keyName ?? ''),
    enabled: ownVaultId !== undefined && current?.key !== undefined,
  });
  const newer =
    current?.key && versions.data ? newerUsableVersion(current.key, versions.data, serverNow()) : undefined;
  const newerUrl = newer ? versionUrlOf(newer) : undefined;

  const fieldError =
    isArmError(save.error) && save.error.target === 'properties.cmekKeyVaultUrl'
      ? save.error.message
      : undefined;
  const invalidReason = parsed && !parsed.ok ? parsed.message : undefined;
  const form = f.form;
  return (
    <SettingsBlade
      form={f}
      save={save}
      saveBlockedReason={invalidReason}
      onSave={() => (save.reset(), setConfirming(true))}
      onRefresh={() => (void bot.refetch(), checks.recheck(), keyHistory.refetch())}
      refreshing={bot.isFetching}
      describeChanges={encryptionChanges}
      refusedTitle="Azure refused the change; what you entered is kept"
      refusalShownInline={fieldError !== undefined}
    >
      <QueryState query={bot} what="bot" />
      {current?.cmek && <KeyOutOfReachBar checks={checks.current.checks} />}
      {rotation && <ReplacedKeyBar change={rotation} checks={checks.previous.checks} />}
      {newerUrl && kind === 'none' && (
        <NewerVersionBar
          keyName={newerUrl.keyName}
          version={newerUrl.version}
          createdSec={newer?.properties.attributes?.created}
          onUse={() => f.set((x) => ({ ...x, type: 'customer', keyUrl: newerUrl.href }))}
        />
      )}
      {bot.data && form && current && (
        <>
          <EncryptionIntro />
          <EncryptionSettings
            form={form}
            base={current}
            kind={kind}
            parsed={parsed}
            fieldError={fieldError}
            savedUnversioned={
              bot.data && unversionedKeyOf(bot.data)
                ? (bot.data.properties.cmekKeyVaultUrl ?? undefined)
                : undefined
            }
            onChange={f.set}
            onOpenPicker={() => setPickerOpen(true)}
          />
          {target && kind !== 'none' && <SaveAsCode target={target} />}
          <EncryptionStatusSection bot={bot.data} change={lastChange} />
          {(form.type === 'customer' || current.cmek) && <ReadinessPanel readiness={checks.candidate} />}
          {current.key && checks.current.vaultId && (
            <KeyUsageSummary vaultId={checks.current.vaultId} keyUrl={current.key} />
          )}
          {current.cmek && checks.current.vaultId && (
            <Suspense fallback={null}>
              <WhoIsTold botId={blade.resourceId} vaultId={checks.current.vaultId} />
            </Suspense>
          )}
          <KeyHistorySection history={history} loading={keyHistory.loading} nowMs={serverNow()} />
          {saved && <SavedAsCode bot={saved.bot} target={saved.target} />}
          <AboutEncryption />
        </>
      )}
      <Suspense fallback={null}>
        {pickerOpen && (
          <KeyPicker
            open={pickerOpen}
            onClose={() => setPickerOpen(false)}
            onPick={(key) => {
              f.set((x) => ({ ...x, keyUrl: key.href }));
              setPickerOpen(false);
            }}
          />
        )}
        {current && target && confirming && (
          <SaveConfirmDialog
            open={confirming}
            base={current}
            target={target}
            failures={target.type === 'customer' ? checks.candidate.summary.failed : []}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              sentForm.current = form;
              save.mutate(target);
            }}
          />
        )}
      </Suspense>
    </SettingsBlade>
  );
}
