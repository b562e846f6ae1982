import { VerticalBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { memo, useMemo } from 'react';
import type { ExpiringKey } from '../../domain/cmk/expiry';

const dateText = (ms: number) =>
  new Date(ms).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Key versions in use by expiry date: each bar is one version, its height the bots it carries. */
export default memo(function ExpiryChart({ keys, nowMs }: { keys: ExpiringKey[]; nowMs: number }) {
  // A new data array makes the chart measure its labels again: built only when the keys change.
  const data = useMemo(
    () =>
      keys.map((k) => ({
        x: `${dateText(k.expMs)} ${k.keyName}`,
        y: k.bots.length,
        legend: k.expMs <= nowMs ? 'Expired' : 'Expires',
        color:
          k.expMs <= nowMs ? tokens.colorPaletteRedBackground3 : tokens.colorPaletteDarkOrangeBackground3,
        xAxisCalloutData: `${k.vaultName}/${k.keyName} ${k.version.slice(0, 8)}…, ${dateText(k.expMs)}`,
        yAxisCalloutData: k.bots.join(', '),
      })),
    [keys, nowMs],
  );
  return (
    <VerticalBarChart
      chartTitle="Keys in use by expiry date"
      data={data}
      height={240}
      yAxisTitle="Bots"
      hideTickOverlap
    />
  );
});
