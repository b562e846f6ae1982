import { VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { UsageDay } from '../../../domain/history/key-usage-series';

const dayText = (ms: number) =>
  new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const series = [
  { key: 'okUnwrap', legend: 'Successful unwraps', color: tokens.colorPaletteGreenBackground3 },
  { key: 'okWrap', legend: 'Successful wraps', color: tokens.colorPaletteLightGreenBackground3 },
  { key: 'failedUnwrap', legend: 'Failed unwraps', color: tokens.colorPaletteRedBackground3 },
  { key: 'failedWrap', legend: 'Failed wraps', color: tokens.colorPaletteDarkOrangeBackground3 },
] as const;

/** Bot Service CMEK Prod's calls per day, stacked by outcome; a day's failure reasons show on hover and focus. */
export default function KeyUsageChart({ days, name }: { days: UsageDay[]; name: string }) {
  const data: VerticalStackedChartProps[] = days.map((d) => ({
    xAxisPoint: dayText(d.day),
    xAxisCalloutData: d.reasons.length ? `${dayText(d.day)}: ${d.reasons.join('; ')}` : dayText(d.day),
    chartData: series.map((s) => ({ legend: s.legend, data: d[s.key], color: s.color })),
  }));
  return (
    <VerticalStackedBarChart
      data={data}
      chartTitle={name}
      height={260}
      isCalloutForStack
      yAxisTitle="Calls"
      xAxisTitle="Day (UTC)"
      hideTickOverlap
    />
  );
}
