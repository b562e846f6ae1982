import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { timeSpanPresets, type TimeSpanPreset } from '../../domain/history/time-span';
import { dateTimeText } from '../../domain/time-text';
import type { SpanChoice } from './time-span-picker';

/** The preset after this one, or the whole retention for a custom range; none past 90 days. */
function widerPreset(choice: SpanChoice): (typeof timeSpanPresets)[number] | undefined {
  if (choice === 'custom') return timeSpanPresets[timeSpanPresets.length - 1];
  const i = timeSpanPresets.findIndex((p) => p.id === choice);
  return timeSpanPresets[i + 1];
}

/** An empty Activity log says which range it looked at and offers the next wider one. */
export function EmptyRange({
  range,
  choice,
  onWiden,
}: {
  range: { from: Date; to?: Date };
  choice: SpanChoice;
  onWiden(preset: TimeSpanPreset): void;
}) {
  const wider = widerPreset(choice);
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        No operation was recorded from {dateTimeText(range.from.getTime())} to{' '}
        {range.to ? dateTimeText(range.to.getTime()) : 'now'}.
        {wider ? '' : ' Azure keeps the Activity log for 90 days: this is all of it.'}
      </MessageBarBody>
      {wider && (
        <MessageBarActions>
          <Button onClick={() => onWiden(wider.id)}>Look at the {wider.label.toLowerCase()}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
