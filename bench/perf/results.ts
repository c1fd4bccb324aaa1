import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A goal from issue 6, checked against a figure: `value >= target` or `value <= target`. */
export interface Goal {
  op: '>=' | '<=';
  target: number;
}

/** One line of the results table. */
export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  goal?: Goal;
  /** How the figure came about, or what it is compared with. */
  note?: string;
}

export type Verdict = 'ok' | 'MISSED' | '';

export function verdict(f: Figure): Verdict {
  if (!f.goal || !Number.isFinite(f.value)) return '';
  const met = f.goal.op === '>=' ? f.value >= f.goal.target : f.value <= f.goal.target;
  return met ? 'ok' : 'MISSED';
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'ratio') return value.toFixed(2);
  if (unit === '%') return `${value.toFixed(1)} %`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
  return unit ? `${text} ${unit}` : text;
}

function formatGoal(f: Figure): string {
  if (!f.goal) return '';
  return `${f.goal.op === '>=' ? '≥' : '≤'} ${formatValue(f.goal.target, f.unit)}`;
}

const HEADERS = ['benchmark', 'figure', 'value', 'goal', 'status', 'note'];

function rows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [
    f.bench,
    f.figure,
    formatValue(f.value, f.unit),
    formatGoal(f),
    verdict(f),
    f.note ?? '',
  ]);
}

/** The table for the terminal: aligned columns, the note last so it may run long. */
export function textTable(figures: readonly Figure[]): string {
  const all = [HEADERS, ...rows(figures)];
  const widths = HEADERS.map((_, c) =>
    c === HEADERS.length - 1 ? 0 : Math.max(...all.map((r) => r[c].length)),
  );
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...all.slice(1).map(line)].join(
    '\n',
  );
}

export function markdownTable(figures: readonly Figure[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map(() => '---').join('|')}|`,
    ...rows(figures).map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  benchmarks: string[];
  machine: { cpus: number; node: string; broker: string };
  /** Commit of the measured code; changedFiles counts uncommitted changes under apps/ and libs/. */
  source: { commit: string; changedFiles: number };
  figures: Figure[];
  /** Raw measurements behind the figures, per benchmark, for whoever digs deeper. */
  details: Record<string, unknown>;
}

/** Writes `<stamp>.json`, `<stamp>.md` and `latest.md` under `dir`; returns the JSON path. */
export function writeReport(dir: string, report: RunReport): string {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const md = [
    `# Benchmark run ${report.startedAt}${report.quick ? ' (--quick)' : ''}`,
    '',
    `Benchmarks: ${report.benchmarks.join(', ')}. Machine: ${report.machine.cpus} CPUs, ` +
      `Node ${report.machine.node}, broker ${report.machine.broker}. ` +
      `Code: ${report.source.commit}` +
      (report.source.changedFiles > 0
        ? ` + ${report.source.changedFiles} uncommitted file(s) in apps/ and libs/`
        : '') +
      `. Finished ${report.finishedAt}.`,
    '',
    markdownTable(report.figures),
    '',
    'Method and what limits each figure: docs/BENCHMARKS.md. Raw measurements: ' +
      `\`${stamp}.json\`.`,
    '',
  ].join('\n');
  const json = join(dir, `${stamp}.json`);
  writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(dir, `${stamp}.md`), md);
  writeFileSync(join(dir, 'latest.md'), md);
  return json;
}
