import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { parseResourceId } from '../../arm/resource-id';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { workspacesListQuery } from '../../queries/diagnostics';

/** A Log Analytics workspace to send logs to, from every workspace the admin can see (Resource Graph). */
export function WorkspaceField({
  value,
  onChange,
  required,
  validationMessage,
}: {
  value: string | undefined;
  onChange(id: string): void;
  required?: boolean;
  validationMessage?: string;
}) {
  const workspaces = useQuery(workspacesListQuery());
  const list = workspaces.data ?? [];
  const current = list.find((w) => w.id.toLowerCase() === value?.toLowerCase());
  const label = (w: (typeof list)[number]) =>
    `${w.name} (${parseResourceId(w.id)?.resourceGroup ?? ''}, ${w.location})`;
  return (
    <>
      <Field
        label="Log Analytics workspace"
        required={required}
        validationMessage={validationMessage}
        hint={
          workspaces.isLoading
            ? 'Looking for workspaces…'
            : list.length === 0 && !workspaces.error
              ? 'No Log Analytics workspace is visible to you in this directory: create one first.'
              : undefined
        }
      >
        <Dropdown
          placeholder="Select a workspace"
          value={current ? label(current) : ''}
          selectedOptions={current ? [current.id] : []}
          disabled={list.length === 0}
          onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue)}
        >
          {list.map((w) => (
            <Option key={w.id} value={w.id}>
              {label(w)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {workspaces.error ? (
        <ArmErrorBar
          error={workspaces.error}
          title="The workspaces could not be listed"
          onRetry={() => void workspaces.refetch()}
        />
      ) : null}
    </>
  );
}
