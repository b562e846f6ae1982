import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  policyNotes,
  type PolicyErrors,
  type RotationPolicyForm,
} from '../../domain/keys/rotation-policy-form';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A rotation policy's fields: when to rotate, when to notify, and how long new versions live. */
export function RotationPolicyFields({
  form,
  errors,
  onChange,
}: {
  form: RotationPolicyForm;
  errors: PolicyErrors;
  onChange(next: RotationPolicyForm): void;
}) {
  const styles = useStyles();
  const set = (patch: Partial<RotationPolicyForm>) => onChange({ ...form, ...patch });
  return (
    <div className={styles.group}>
      <Field label="Automatic rotation">
        <RadioGroup
          value={form.rotate}
          onChange={(_, d) => set({ rotate: d.value as RotationPolicyForm['rotate'] })}
        >
          <Radio value="none" label="Never" />
          <Radio value="after-create" label="A number of days after each version is created" />
          <Radio value="before-expiry" label="A number of days before each version expires" />
        </RadioGroup>
      </Field>
      {form.rotate !== 'none' && (
        <Field label="Rotate after (days)" validationMessage={errors.rotateDays}>
          <Input
            value={form.rotateDays}
            onChange={(_, d) => set({ rotateDays: d.value })}
            inputMode="numeric"
          />
        </Field>
      )}
      <Field label="New versions expire after (days, empty for never)" validationMessage={errors.expiryDays}>
        <Input
          value={form.expiryDays}
          onChange={(_, d) => set({ expiryDays: d.value })}
          inputMode="numeric"
        />
      </Field>
      <Checkbox
        label="Notify (Event Grid) before a version expires"
        checked={form.notify}
        onChange={(_, d) => set({ notify: d.checked === true })}
      />
      {policyNotes(form).map((note) => (
        <Text key={note} size={200}>
          {note}
        </Text>
      ))}
      {form.notify && (
        <Field label="Notify this many days before expiry" validationMessage={errors.notifyDays}>
          <Input
            value={form.notifyDays}
            onChange={(_, d) => set({ notifyDays: d.value })}
            inputMode="numeric"
          />
        </Field>
      )}
    </div>
  );
}
