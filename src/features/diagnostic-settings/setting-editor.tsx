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
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import { diagnosticSettingAsCode } from '../../domain/as-code/audit-as-code';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useDiagnosticSettingChanges } from '../../queries/mutations/use-diagnostic-settings';
import { AsCodeView } from '../shared/as-code-view';
import { WorkspaceField } from '../shared/workspace-field';
import { formErrors, formOf, settingBody, type SettingForm } from './setting-form';
import { LockedWhile } from '../../portal/form/locked-while';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Add or edit one diagnostic setting: log categories, metrics, the workspace and its table. */
export function SettingEditor({
  resourceId,
  existing,
  all,
  logCategories,
  onClose,
}: {
  resourceId: string;
  existing?: DiagnosticSettingsResource;
  all: DiagnosticSettingsResource[];
  logCategories: string[];
  onClose(): void;
}) {
  const styles = useStyles();
  const groupId = useId();
  const [form, setForm] = useState<SettingForm>(() => formOf(existing));
  const [tried, setTried] = useState(false);
  const { save } = useDiagnosticSettingChanges(resourceId);
  const others = all.filter((s) => s !== existing);
  const p = existing?.properties;
  const errors = formErrors(form, others, Boolean(p?.storageAccountId || p?.eventHubAuthorizationRuleId));
  const body = settingBody(form, p, logCategories);
  const set = (patch: Partial<SettingForm>) => setForm((f) => ({ ...f, ...patch }));
  const show = (m: string | undefined) => (tried ? m : undefined);
  const submit = () => {
    setTried(true);
    if (Object.keys(errors).length) return;
    save.mutate({ name: form.name.trim(), properties: body }, { onSuccess: onClose });
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {existing ? `Edit diagnostic setting ${existing.name}` : 'Add diagnostic setting'}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <LockedWhile locked={save.isPending}>
              <Field label="Diagnostic setting name" required validationMessage={show(errors.name)}>
                <Input
                  value={form.name}
                  disabled={existing !== undefined}
                  onChange={(_, d) => set({ name: d.value })}
                />
              </Field>
              {/* Not a Field: Fluent would label every checkbox with the field's label. */}
              <div className={styles.group} role="group" aria-labelledby={groupId}>
                <Text id={groupId} weight="semibold">
                  Logs and metrics
                </Text>
                {logCategories.map((c) => (
                  <Checkbox
                    key={c}
                    label={c}
                    checked={form.categories.includes(c)}
                    onChange={(_, d) =>
                      set({
                        categories: d.checked
                          ? [...form.categories, c]
                          : form.categories.filter((x) => x !== c),
                      })
                    }
                  />
                ))}
                <Checkbox
                  label="AllMetrics"
                  checked={form.allMetrics}
                  onChange={(_, d) => set({ allMetrics: d.checked === true })}
                />
                {show(errors.categories) && (
                  <Text role="alert" className={styles.error}>
                    {errors.categories}
                  </Text>
                )}
              </div>
              <WorkspaceField
                value={form.workspaceId}
                onChange={(workspaceId) => set({ workspaceId })}
                required
                validationMessage={show(errors.workspace)}
              />
              <Field label="Destination table">
                <RadioGroup
                  value={form.resourceSpecific ? 'dedicated' : 'diagnostics'}
                  onChange={(_, d) => set({ resourceSpecific: d.value === 'dedicated' })}
                >
                  <Radio value="dedicated" label="Resource specific (AZKVAuditLogs)" />
                  <Radio value="diagnostics" label="Azure diagnostics (AzureDiagnostics)" />
                </RadioGroup>
              </Field>
            </LockedWhile>
            <AsCodeView
              title="This setting, as code"
              headingLevel={3}
              code={diagnosticSettingAsCode(resourceId, form.name.trim() || '<name>', body)}
            />
            {save.error ? (
              <ArmErrorBar error={save.error} title="Azure refused the setting; what you chose is kept" />
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={save.isPending} onClick={submit}>
              {save.isPending ? 'Saving…' : 'Save'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
