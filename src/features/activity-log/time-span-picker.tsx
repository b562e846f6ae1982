import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { serverNow } from '../../arm/server-clock';
import { customRange, timeSpanPresets, type TimeSpanPreset } from '../../domain/history/time-span';
import type { ActivitySpan } from '../../queries/history';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

export type SpanChoice = TimeSpanPreset | 'custom';

/** `datetime-local` text for a moment, in the admin's time zone. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * The portal's time span: presets up to 90 days, or a custom range (checked before anything is asked of Azure; what
 * the admin typed stays when it is wrong).
 */
export function TimeSpanPicker({
  choice,
  onChoose,
}: {
  choice: SpanChoice;
  onChoose(choice: SpanChoice, span: ActivitySpan): void;
}) {
  const styles = useStyles();
  const now = serverNow();
  const [from, setFrom] = useState(() => localInput(now - 24 * 60 * 60 * 1000));
  const [to, setTo] = useState(() => localInput(now));
  const [error, setError] = useState<string>();
  const [custom, setCustom] = useState(choice === 'custom');
  const label = custom ? 'Custom' : (timeSpanPresets.find((p) => p.id === choice)?.label ?? '');
  const apply = () => {
    const r = customRange(from, to, serverNow());
    if (!r.ok) return setError(r.message);
    setError(undefined);
    onChoose('custom', { range: r.range });
  };
  return (
    <div className={styles.row}>
      <Field label="Timespan">
        <Dropdown
          value={label}
          selectedOptions={[custom ? 'custom' : choice]}
          onOptionSelect={(_, d) => {
            const v = d.optionValue as SpanChoice | undefined;
            if (!v) return;
            setCustom(v === 'custom');
            if (v !== 'custom') onChoose(v, { preset: v, asked: Date.now() });
          }}
        >
          {timeSpanPresets.map((p) => (
            <Option key={p.id} value={p.id}>
              {p.label}
            </Option>
          ))}
          <Option value="custom">Custom</Option>
        </Dropdown>
      </Field>
      {custom && (
        <>
          <Field label="Start" validationMessage={error} validationState={error ? 'error' : 'none'}>
            <Input type="datetime-local" value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label="End">
            <Input type="datetime-local" value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
          <Button onClick={apply}>Apply</Button>
        </>
      )}
    </div>
  );
}
