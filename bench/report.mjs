import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Prints the table of figures against their budgets, writes report.json, and says how many budgets were missed. */
export function printReport(figures, budgets, runs, twin, results) {
  const rows = [];
  let missed = 0;
  const value = (f) => (f?.median !== undefined && f.value === undefined ? f.median : f?.value);
  for (const [key, b] of Object.entries(budgets)) {
    const v = value(figures[key]);
    const ok = typeof v === 'number' && v <= b.max;
    if (!ok) missed++;
    const f = figures[key] ?? {};
    rows.push({
      measure: key,
      value: v,
      min: f.min,
      max: f.max,
      budget: `≤ ${b.max} ${b.unit}`,
      result: ok ? 'ok' : 'MISSED',
    });
  }
  rows.push({
    measure: 'coldDeepLinkMs (floor ×)',
    value: Math.round(figures.coldDeepLinkMs.median),
    min: Math.round(figures.coldDeepLinkMs.min),
    max: Math.round(figures.coldDeepLinkMs.max),
    budget: '',
    result: '',
  });
  for (const [name, t] of Object.entries(figures.coldDeepLinkMilestones.value))
    rows.push({ measure: `  cold: ${name}`, value: t, budget: '', result: '' });
  rows.push({
    measure: 'floorMs',
    value: Math.round(figures.floorMs.median),
    min: Math.round(figures.floorMs.min),
    max: Math.round(figures.floorMs.max),
    budget: '',
    result: '',
  });
  rows.push({
    measure: 'MSW client + page end of the twin, gzip kB (main thread, apart)',
    value: figures.mswClientGzipKb.value,
    budget: '',
    result: '',
  });
  rows.push({
    measure: 'twin worker gzip kB (off the main thread)',
    value: figures.twinWorkerGzipKb.value,
    budget: '',
    result: '',
  });
  for (const t of twin)
    rows.push({ measure: `twin: ${t.label}`, value: `${t.rps} req/s`, budget: 'watch', result: '' });
  console.table(
    rows.map((r) => ({
      ...r,
      value: typeof r.value === 'number' ? Math.round(r.value * 100) / 100 : r.value,
      min: r.min === undefined ? '' : Math.round(r.min),
      max: r.max === undefined ? '' : Math.round(r.max),
    })),
  );
  const report = { date: new Date().toISOString(), runs, node: process.version, figures, budgets, missed };
  writeFileSync(join(results, 'report.json'), JSON.stringify(report, null, 2));
  console.log(
    `Report: bench/results/report.json. ${missed === 0 ? 'Every budget held.' : `${missed} budget(s) missed.`}`,
  );
  return missed;
}
