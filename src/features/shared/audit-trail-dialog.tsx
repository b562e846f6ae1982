import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { auditSettingAsCode } from '../../domain/as-code/audit-as-code';
import { auditSettingToWorkspace, freeSettingName } from '../../domain/audit-trail';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { diagnosticSettingsQuery } from '../../queries/diagnostics';
import { useDiagnosticSettingChanges } from '../../queries/mutations/use-diagnostic-settings';
import { AsCodeView } from './as-code-view';
import { WorkspaceField } from './workspace-field';
import { LockedWhile } from '../../portal/form/locked-while';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The audit-trail fix: a new diagnostic setting that sends the vault's AuditEvent log to the workspace the admin picks
 * (Key Vault's own table), under a name no setting uses yet, so nothing existing is replaced. Shown as code too.
 */
export default function AuditTrailDialog({
  vaultId,
  open,
  onClose,
  onDone,
}: {
  vaultId: string;
  open: boolean;
  onClose(): void;
  onDone?(): void;
}) {
  const styles = useStyles();
  const settings = useQuery({ ...diagnosticSettingsQuery(vaultId), enabled: open });
  const [workspaceId, setWorkspaceId] = useState<string>();
  const { save } = useDiagnosticSettingChanges(vaultId);
  const name = freeSettingName(settings.data ?? []);
  const vaultName = parseResourceId(vaultId)?.name ?? 'the key vault';
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Keep the audit log of {vaultName}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              A diagnostic setting named “{name}” will send the vault’s AuditEvent log (every use of its keys,
              by whom, and every refusal) to the workspace you pick, in Key Vault’s own table (AZKVAuditLogs).
              The vault’s other settings stay as they are.
            </Text>
            {settings.error ? (
              <ArmErrorBar error={settings.error} title="The vault’s diagnostic settings could not be read" />
            ) : null}
            <LockedWhile locked={save.isPending}>
              <WorkspaceField value={workspaceId} onChange={setWorkspaceId} required />
            </LockedWhile>
            <AsCodeView
              title="The same, as code"
              headingLevel={3}
              code={auditSettingAsCode(vaultId, name, workspaceId)}
            />
            {save.error ? (
              <ArmErrorBar
                error={save.error}
                title="Azure refused the diagnostic setting; your choice is kept"
              />
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!workspaceId || !settings.data || save.isPending}
              onClick={() =>
                workspaceId &&
                save.mutate(
                  { name, properties: auditSettingToWorkspace(workspaceId) },
                  { onSuccess: () => (onDone?.(), onClose()) },
                )
              }
            >
              {save.isPending ? 'Saving…' : 'Send the audit log'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
