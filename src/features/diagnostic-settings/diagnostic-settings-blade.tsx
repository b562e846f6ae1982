import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToolbarButton,
} from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import { auditDestinations } from '../../domain/audit-trail';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { QueryState } from '../../portal/query-state';
import { diagnosticCategoriesQuery, diagnosticSettingsQuery } from '../../queries/diagnostics';
import { useDiagnosticSettingChanges } from '../../queries/mutations/use-diagnostic-settings';
import { SettingEditor } from './setting-editor';

function destinationOf(s: DiagnosticSettingsResource): string {
  const p = s.properties;
  const parts = [
    p.workspaceId && `Log Analytics workspace ${parseResourceId(p.workspaceId)?.name ?? p.workspaceId}`,
    p.storageAccountId &&
      `Storage account ${parseResourceId(p.storageAccountId)?.name ?? p.storageAccountId}`,
    p.eventHubAuthorizationRuleId && `Event hub${p.eventHubName ? ` ${p.eventHubName}` : ''}`,
    p.marketplacePartnerId && 'Partner solution',
  ].filter(Boolean);
  return parts.join('; ') || 'None';
}

function logsOf(s: DiagnosticSettingsResource): string {
  const on = (s.properties.logs ?? [])
    .filter((l) => l.enabled)
    .map((l) => l.category ?? `group ${l.categoryGroup}`);
  const metrics = (s.properties.metrics ?? []).some((m) => m.enabled) ? ['AllMetrics'] : [];
  return [...on, ...metrics].join(', ') || 'Nothing enabled';
}

/** Key vault → Diagnostic settings: where the vault's logs go, above all its AuditEvent log (who used which key). */
export default function DiagnosticSettingsBlade() {
  const blade = useBlade();
  const settings = useQuery(diagnosticSettingsQuery(blade.resourceId));
  const categories = useQuery(diagnosticCategoriesQuery(blade.resourceId));
  const { remove } = useDiagnosticSettingChanges(blade.resourceId);
  const [editing, setEditing] = useState<DiagnosticSettingsResource | 'new'>();
  const [deleting, setDeleting] = useState<DiagnosticSettingsResource>();
  const list = settings.data ?? [];
  const logCategories = (categories.data ?? [])
    .filter((c) => c.properties.categoryType === 'Logs')
    .map((c) => c.name);
  return (
    <BladeFrame
      commands={
        <>
          <ToolbarButton
            icon={<AddRegular />}
            disabled={!settings.data || !categories.data}
            onClick={() => setEditing('new')}
          >
            Add diagnostic setting
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={settings.isFetching}
            onClick={() => void settings.refetch()}
          >
            Refresh
          </ToolbarButton>
        </>
      }
    >
      <Text>
        Diagnostic settings send the vault’s logs to a Log Analytics workspace, a storage account or an event
        hub. The AuditEvent log records every use of the vault’s keys, by whom and from where: what an audit
        of a customer-managed key rests on.
      </Text>
      <QueryState query={settings} what="diagnostic settings" />
      {categories.error ? <QueryState query={categories} what="log categories" /> : null}
      {settings.data && auditDestinations(list).length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            No setting keeps the AuditEvent log: the use of this vault’s keys is not recorded.
          </MessageBarBody>
        </MessageBar>
      )}
      {settings.data && (
        <Table aria-label="Diagnostic settings" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Logs and metrics</TableHeaderCell>
              <TableHeaderCell>Destination</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((s) => (
              <TableRow key={s.name}>
                <TableCell>{s.name}</TableCell>
                <TableCell>{logsOf(s)}</TableCell>
                <TableCell>{destinationOf(s)}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    disabled={!categories.data}
                    onClick={() => setEditing(s)}
                    aria-label={`Edit ${s.name}`}
                  >
                    Edit
                  </Button>{' '}
                  <Button
                    size="small"
                    disabled={remove.isPending}
                    onClick={() => setDeleting(s)}
                    aria-label={`Delete ${s.name}`}
                  >
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {list.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>No diagnostic settings defined.</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      {editing && (
        <SettingEditor
          resourceId={blade.resourceId}
          existing={editing === 'new' ? undefined : editing}
          all={list}
          logCategories={logCategories}
          onClose={() => setEditing(undefined)}
        />
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete diagnostic setting ${deleting?.name ?? ''}?`}
        confirmLabel="Delete"
        danger
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.name);
          setDeleting(undefined);
        }}
      >
        The vault stops sending these logs from now on; what was sent stays where it is. Without an AuditEvent
        setting, the use of the vault’s keys is no longer recorded.
      </ConfirmDialog>
    </BladeFrame>
  );
}
