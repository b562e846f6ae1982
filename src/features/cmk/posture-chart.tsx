import { DonutChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { Tile } from '../../domain/cmk/table';

export interface PostureSlice {
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
export default function PostureChart({
  slices,
  total,
  onPick,
}: {
  slices: PostureSlice[];
  total: number;
  onPick(tile: Tile): void;
}) {
  return (
    <DonutChart
      data={{
        chartTitle: 'Bots by posture',
        chartData: slices.map((s) => ({
          legend: s.legend,
          data: s.count,
          color: colors[s.tile],
          onClick: () => onPick(s.tile),
          xAxisCalloutData: s.legend,
          yAxisCalloutData: `${s.count} bot${s.count === 1 ? '' : 's'}`,
        })),
      }}
      innerRadius={55}
      height={240}
      valueInsideDonut={total}
      hideLabels={false}
      showLabelsInPercent={false}
    />
  );
}
