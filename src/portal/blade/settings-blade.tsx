import { ToolbarButton, ToolbarDivider, Tooltip } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissCircleRegular, SaveRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { isChangedMeanwhile } from '../../domain/changed-meanwhile';
import { ArmErrorBar } from '../arm-error-bar';
import { useUnsavedChanges } from '../navigation/unsaved-changes';
import { ChangedUnderneathBar } from '../form/changed-underneath-bar';
import type { SettingsForm } from '../form/use-settings-form';
import { BladeFrame } from './blade-frame';
import { useBlade } from './blade-context';

/** What a settings blade needs of its save mutation. */
interface SettingsSave {
  isPending: boolean;
  error: unknown;
  reset(): void;
}

export interface SettingsBladeProps<T> {
  title?: string;
  /** The blade's local form (useSettingsForm). */
  form: SettingsForm<T>;
  save: SettingsSave;
  onSave(): void;
  /** Extra local state to clear on Discard (the form and the save's error are cleared here). */
  onDiscard?(): void;
  onRefresh(): void;
  refreshing?: boolean;
  /** Why Save is off although something changed (invalid input). */
  saveBlockedReason?: string;
  /** The other admin's changes in words, for the changed-underneath bar. */
  describeChanges(base: T, server: T): string[];
  /** The title of the bar that shows Azure's refusal of a save, saying that the user's input is kept. */
  refusedTitle: string;
  /** A refusal the blade shows beside the field it names instead of in the bar. */
  refusalShownInline?: boolean;
  extraCommands?: ReactNode;
  children: ReactNode;
}

/**
 * The shared frame of settings blades: Save, Discard, Refresh (Save and Discard only once something changed, Save off
 * while a save runs); the unsaved-changes guard while the form is dirty; the bar for another admin's change with
 * "keep mine" and "take theirs"; and Azure's refusal of a save, above the form the user typed, which stays as it was.
 * A conflict (412) is not shown as a refusal: the changed-underneath bar says it better.
 */
export function SettingsBlade<T>(p: SettingsBladeProps<T>) {
  const blade = useBlade();
  const { form, save } = p;
  useUnsavedChanges(form.dirty, `${blade.resourceName} | ${p.title ?? blade.bladeLabel}`);
  const saveDisabled = !form.dirty || save.isPending || p.saveBlockedReason !== undefined;
  const saveButton = (
    <ToolbarButton
      icon={<SaveRegular />}
      disabled={saveDisabled}
      onClick={p.onSave}
      appearance={saveDisabled ? undefined : 'primary'}
    >
      {save.isPending ? 'Saving…' : 'Save'}
    </ToolbarButton>
  );
  const discard = () => {
    form.discard();
    p.onDiscard?.();
    save.reset();
  };
  const refused =
    save.error && !p.refusalShownInline && !isChangedMeanwhile(save.error) ? save.error : undefined;
  return (
    <BladeFrame
      title={p.title}
      status={
        form.changedUnderneath && form.base !== undefined && form.server !== undefined ? (
          <ChangedUnderneathBar
            changes={p.describeChanges(form.base, form.server)}
            onKeepMine={() => (form.rebase(), save.reset())}
            onTakeTheirs={() => (form.reload(), save.reset())}
          />
        ) : undefined
      }
      commands={
        <>
          {form.dirty && p.saveBlockedReason ? (
            <Tooltip content={p.saveBlockedReason} relationship="description">
              {saveButton}
            </Tooltip>
          ) : (
            saveButton
          )}
          <ToolbarButton
            icon={<DismissCircleRegular />}
            disabled={!form.dirty || save.isPending}
            onClick={discard}
          >
            Discard
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={p.refreshing || save.isPending}
            onClick={p.onRefresh}
          >
            Refresh
          </ToolbarButton>
          {p.extraCommands && <ToolbarDivider />}
          {p.extraCommands}
        </>
      }
    >
      {refused !== undefined && <ArmErrorBar error={refused} title={p.refusedTitle} />}
      {p.children}
    </BladeFrame>
  );
}
