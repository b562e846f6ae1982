import { DonutChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { memo, useMemo, type KeyboardEvent } from 'react';
import type { Tile } from '../../domain/cmk/table';

interface PostureSlice {
  tile: Tile;
  legend: string;
  count: number;
}

const colors: Partial<Record<Tile, string>> = {
  healthy: tokens.colorPaletteGreenBackground3,
  'at-risk': tokens.colorPaletteRedBackground3,
  unknown: tokens.colorPaletteYellowBackground3,
  microsoft: tokens.colorNeutralBackground5,
};

/** Bots by posture; a segment (or its legend) filters the table as its tile does. */
export default memo(function PostureChart({
  slices,
  total,
  onPick,
}: {
  slices: PostureSlice[];
  total: number;
  onPick(tile: Tile): void;
}) {
  // The same data object while the counts stand: the chart lays itself out again whenever it gets a new one.
  const data = useMemo(
    () => ({
      chartTitle: 'Bots by posture',
      chartData: slices.map((s) => ({
        legend: s.legend,
        data: s.count,
        color: colors[s.tile],
        onClick: () => onPick(s.tile),
        xAxisCalloutData: s.legend,
        yAxisCalloutData: `${s.count} bot${s.count === 1 ? '' : 's'}`,
      })),
    }),
    [slices, onPick],
  );
  // Fluent's donut takes a segment's click but not Enter or Space on a focused segment: from the keyboard, the
  // segment (named "<legend>, <n> bots.") filters the table as a click does.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const target = e.target as Element;
    if (target.getAttribute('role') !== 'option' || target.tagName.toLowerCase() !== 'path') return;
    const label = target.getAttribute('aria-label') ?? '';
    const slice = slices.find((s) => label.startsWith(`${s.legend},`));
    if (!slice) return;
    e.preventDefault();
    onPick(slice.tile);
  };
  return (
    // Only relays key presses from the segments inside, which are the focusable options.
    <div role="presentation" onKeyDown={onKeyDown}>
      <DonutChart
        data={data}
        innerRadius={55}
        height={240}
        valueInsideDonut={total}
        hideLabels={false}
        showLabelsInPercent={false}
      />
    </div>
  );
});
