import { Dropdown, Field, Option } from '@fluentui/react-components';

const rsaSizes = ['2048', '3072', '4096'];

/** The RSA sizes Key Vault offers for a key that wraps a bot's data key. */
export function RsaSizeField({
  label,
  size,
  onChange,
}: {
  label: string;
  size: string;
  onChange(size: string): void;
}) {
  return (
    <Field label={label}>
      <Dropdown
        value={`RSA ${size}`}
        selectedOptions={[size]}
        onOptionSelect={(_, d) => onChange(d.optionValue ?? '3072')}
      >
        {rsaSizes.map((s) => (
          <Option key={s} value={s}>{`RSA ${s}`}</Option>
        ))}
      </Dropdown>
    </Field>
  );
}
