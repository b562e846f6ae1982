import {
  diagnosticSettingsCreateOrUpdate,
  diagnosticSettingsDelete,
} from '../../arm/operations/diagnostic-settings';
import { parseResourceId } from '../../arm/resource-id';
import type { DiagnosticSettings } from '../../arm/types/monitor';
import { useArmMutation } from '../use-arm-mutation';

/** Adding, changing or deleting a diagnostic setting of a resource, with the portal's notifications. */
export function useDiagnosticSettingChanges(resourceId: string) {
  const resourceName = parseResourceId(resourceId)?.name ?? 'the resource';
  const save = useArmMutation({
    mutationFn: ({ name, properties }: { name: string; properties: DiagnosticSettings }) =>
      diagnosticSettingsCreateOrUpdate(resourceId, name, properties),
    describe: ({ name }) => ({
      resourceId,
      running: `Saving diagnostic setting ${name} of ${resourceName}`,
      done: `Saved diagnostic setting ${name} of ${resourceName}`,
      failed: `Could not save diagnostic setting ${name} of ${resourceName}`,
    }),
    invalidates: () => [resourceId],
  });
  const remove = useArmMutation({
    mutationFn: (name: string) => diagnosticSettingsDelete(resourceId, name),
    describe: (name) => ({
      resourceId,
      running: `Deleting diagnostic setting ${name} of ${resourceName}`,
      done: `Deleted diagnostic setting ${name} of ${resourceName}`,
      failed: `Could not delete diagnostic setting ${name} of ${resourceName}`,
    }),
    invalidates: () => [resourceId],
  });
  return { save, remove };
}
