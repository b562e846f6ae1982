import { Checkbox, Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { permissionCatalog, templates, type PermissionKind } from './permission-catalog';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  group: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  template: { maxWidth: '420px', marginBottom: tokens.spacingVerticalL },
});

type Perms = Record<PermissionKind, string[]>;

/** Step 1 of the wizard: a template, then the three columns of permissions, each group with "Select all". */
export function PermissionsStep({
  perms,
  onChange,
  template,
  onTemplate,
}: {
  perms: Perms;
  onChange(update: (p: Perms) => Perms): void;
  template: string | undefined;
  onTemplate(id: string): void;
}) {
  const styles = useStyles();
  const toggle = (kind: PermissionKind, value: string, on: boolean) =>
    onChange((p) => ({
      ...p,
      [kind]: on ? [...p[kind].filter((v) => v !== value), value] : p[kind].filter((v) => v !== value),
    }));
  return (
    <>
      <Field label="Configure from a template" className={styles.template}>
        <Dropdown
          placeholder="Select a template"
          value={templates.find((t) => t.id === template)?.label ?? ''}
          selectedOptions={template ? [template] : []}
          onOptionSelect={(_, d) => {
            const t = templates.find((x) => x.id === d.optionValue);
            if (!t) return;
            onTemplate(t.id);
            onChange(() => ({
              keys: [...t.permissions.keys],
              secrets: [...t.permissions.secrets],
              certificates: [...t.permissions.certificates],
            }));
          }}
        >
          {templates.map((t) => (
            <Option key={t.id} value={t.id}>
              {t.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.columns}>
        {(Object.keys(permissionCatalog) as PermissionKind[]).map((kind) => (
          <div key={kind}>
            <Text as="h3" weight="semibold" block>
              {permissionCatalog[kind].title}
            </Text>
            {permissionCatalog[kind].groups.map((g) => {
              const values = g.items.map((i) => i.value);
              const chosen = values.filter((v) => perms[kind].includes(v)).length;
              return (
                <fieldset key={g.title} className={styles.group}>
                  <legend>
                    <Text weight="semibold" size={200}>
                      {g.title}
                    </Text>
                  </legend>
                  <Checkbox
                    label="Select all"
                    aria-label={`Select all ${g.title}`}
                    checked={chosen === values.length ? true : chosen > 0 ? 'mixed' : false}
                    onChange={(_, d) =>
                      onChange((p) => ({
                        ...p,
                        [kind]: d.checked
                          ? [...new Set([...p[kind], ...values])]
                          : p[kind].filter((v) => !values.includes(v)),
                      }))
                    }
                  />
                  {g.items.map((i) => (
                    <Checkbox
                      key={i.value}
                      label={i.label}
                      aria-label={`${permissionCatalog[kind].title}: ${i.label}`}
                      checked={perms[kind].includes(i.value)}
                      onChange={(_, d) => toggle(kind, i.value, d.checked === true)}
                    />
                  ))}
                </fieldset>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}
