import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPlot } from './plot';
import type { SoakReport } from './run-soak';

const round = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits);

function commit(root: string): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The one-page summary: verdicts, totals, the faults as they ran, and the plot. */
export function summaryMarkdown(report: SoakReport, pngName: string, root: string): string {
  const loads = report.samples.map((s) => s.load1);
  const meanLoad = loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length);
  const lines = [
    `# Soak with faults, ${report.startedAt}`,
    '',
    `Commit ${commit(root)}; ${report.options.minutes} min of faults and production at ` +
      `${report.options.rate} records/s to each of two services (ordering=partition, ordering=key), ` +
      `${report.options.partitions} partitions each, then the drain: ${round(report.durationS)} s in all. ` +
      `Machine load (1-min average) during the run: mean ${meanLoad.toFixed(1)}, max ${Math.max(...loads).toFixed(1)} on 2 cores.`,
    '',
    `**${report.checks.passed ? 'PASS' : 'FAIL'}**`,
    '',
    '| check | result | measured |',
    '|---|---|---|',
    ...report.checks.list.map((c) => `| ${c.name} | ${c.passed ? 'PASS' : 'FAIL'} | ${c.detail} |`),
    '',
    '| service | produced | delivered (distinct) | duplicate deliveries | mean throughput (rec/s) | max lag | RSS min–max (MB) |',
    '|---|---|---|---|---|---|---|',
    ...report.services.map((s) => {
      const mine = report.samples.filter((x) => x.ordering === s.ordering);
      const rss = mine.map((x) => x.rssMb).filter((x): x is number => x !== undefined);
      const lags = mine.map((x) => x.lag).filter((x): x is number => x !== undefined);
      const mean = mine.reduce((a, x) => a + x.throughput, 0) / Math.max(1, mine.length);
      return `| ordering=${s.ordering} | ${s.produced} | ${s.delivered} | ${s.duplicates} | ${mean.toFixed(0)} | ${Math.max(0, ...lags)} | ${round(Math.min(...rss))}–${round(Math.max(...rss))} |`;
    }),
    '',
    '| # | from–to (s) | fault | target | replay window | note |',
    '|---|---|---|---|---|---|',
    ...report.faults.map(
      (f, i) =>
        `| ${i + 1} | ${f.from.toFixed(0)}–${f.to.toFixed(0)} | ${f.fault} | ${f.target} | ${f.replayWindow.size} | ${f.note} |`,
    ),
    '',
    `Producer sends that failed (those records were not written; the checks count what the topics hold): ${report.produceFailures}.`,
    '',
    `![throughput, lag and RSS over time](${pngName})`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Writes `<stamp>-soak.md`, `.png`, `.json` and one `-<ordering>.log` per service (every
 * process's output, to tell what a service did when a check failed) to `dir`; returns the
 * markdown's path.
 */
export async function writeSummary(report: SoakReport, dir: string, root: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const stamp = `${report.startedAt.replace(/[:.]/g, '-')}-soak`;
  const series = (pick: (s: SoakReport['samples'][number]) => number | undefined) =>
    report.samples.flatMap((s) => {
      const value = pick(s);
      return value === undefined || !Number.isFinite(value)
        ? []
        : [{ t: s.t, series: `ordering=${s.ordering}`, value }];
    });
  const png = await renderPlot(
    `Soak ${report.options.minutes} min, ${report.startedAt} (${report.checks.passed ? 'PASS' : 'FAIL'})`,
    [
      {
        title: 'Throughput (first deliveries)',
        unit: 'records/s',
        points: series((s) => s.throughput),
      },
      { title: 'Consumer lag', unit: 'records', points: series((s) => s.lag) },
      { title: 'Service RSS', unit: 'MB', points: series((s) => s.rssMb) },
    ],
    report.faults.map((f) => ({ from: f.from, to: Math.max(f.to, f.from + 1), fault: f.fault })),
  );
  writeFileSync(join(dir, `${stamp}.png`), png);
  const markdown = summaryMarkdown(report, `${stamp}.png`, root);
  writeFileSync(join(dir, `${stamp}.md`), markdown);
  for (const { ordering, text } of report.logs)
    writeFileSync(join(dir, `${stamp}-${ordering}.log`), text);
  writeFileSync(
    join(dir, `${stamp}.json`),
    JSON.stringify(
      {
        ...report,
        logs: undefined,
        faults: report.faults.map((f) => ({ ...f, replayWindow: f.replayWindow.size })),
      },
      null,
      1,
    ),
  );
  return join(dir, `${stamp}.md`);
}
