import { ToolbarButton, ToolbarDivider, Tooltip } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissCircleRegular, SaveRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useUnsavedChanges } from '../navigation/unsaved-changes';
import { BladeFrame } from './blade-frame';
import { useBlade } from './blade-context';

export interface SettingsBladeProps {
  title?: string;
  dirty: boolean;
  saving: boolean;
  onSave(): void;
  onDiscard(): void;
  onRefresh(): void;
  refreshing?: boolean;
  /** Why Save is off although something changed (invalid input). */
  saveBlockedReason?: string;
  extraCommands?: ReactNode;
  status?: ReactNode;
  children: ReactNode;
}

/**
 * The shared frame of settings blades: Save, Discard, Refresh; Save and Discard only once something changed, Save off
 * while a save runs, and the unsaved-changes guard while the form is dirty.
 */
export function SettingsBlade(p: SettingsBladeProps) {
  const blade = useBlade();
  useUnsavedChanges(p.dirty, `${blade.resourceName} | ${p.title ?? blade.bladeLabel}`);
  const saveDisabled = !p.dirty || p.saving || p.saveBlockedReason !== undefined;
  const save = (
    <ToolbarButton
      icon={<SaveRegular />}
      disabled={saveDisabled}
      onClick={p.onSave}
      appearance={saveDisabled ? undefined : 'primary'}
    >
      {p.saving ? 'Saving…' : 'Save'}
    </ToolbarButton>
  );
  return (
    <BladeFrame
      title={p.title}
      status={p.status}
      commands={
        <>
          {p.dirty && p.saveBlockedReason ? (
            <Tooltip content={p.saveBlockedReason} relationship="description">
              {save}
            </Tooltip>
          ) : (
            save
          )}
          <ToolbarButton
            icon={<DismissCircleRegular />}
            disabled={!p.dirty || p.saving}
            onClick={p.onDiscard}
          >
            Discard
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={p.refreshing || p.saving}
            onClick={p.onRefresh}
          >
            Refresh
          </ToolbarButton>
          {p.extraCommands && <ToolbarDivider />}
          {p.extraCommands}
        </>
      }
    >
      {p.children}
    </BladeFrame>
  );
}
