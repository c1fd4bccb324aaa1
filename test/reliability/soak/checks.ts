import type { FaultRun } from './faults';
import type { SoakSample } from './run-soak';
import type { SoakService } from './soak-service';

export interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

export interface SoakChecks {
  passed: boolean;
  list: Check[];
  rssTrendPercent: number;
}

/** A process's first minute is warm-up (V8 sizing its heap), not a trend. */
const RSS_WARM_UP_MS = 60_000;
const RSS_TREND_LIMIT_PERCENT = 5;

/**
 * The soak's verdict: nothing lost, duplicates only where a fault could replay them and no more
 * than it could, each key's first deliveries in order, RSS flat, no FAILED partition, no crash.
 */
export function checkSoak(
  services: SoakService[],
  ends: Map<number, number>[],
  faults: FaultRun[],
  samples: SoakSample[],
  runS: number,
  startedAt: number,
): SoakChecks {
  const list: Check[] = [];
  services.forEach((s, i) => {
    const lost = s.deliveries.missing(ends[i]);
    list.push({
      name: `lost=0 (ordering=${s.ordering})`,
      passed: lost === 0,
      detail: `lost=${lost}`,
    });
  });

  const windows = faults.map((f) => f.replayWindow);
  const bound = windows.reduce((n, w) => n + w.size, 0);
  const replayable = new Set(windows.flatMap((w) => [...w]));
  let duplicates = 0;
  let outside = 0;
  const examples: string[] = [];
  for (const s of services) {
    for (const [record, extra] of s.deliveries.duplicated()) {
      duplicates += extra;
      if (!replayable.has(`${s.ordering}:${record}`)) outside += extra;
    }
    // When the unexplained ones ran, to tell which fault (or none) replayed them.
    for (const r of s.deliveries.repeats) {
      if (examples.length >= 5 || replayable.has(`${s.ordering}:${r.record}`)) continue;
      const at = (ms: number) => ((ms - startedAt) / 1000).toFixed(1);
      examples.push(
        `${s.ordering} ${r.record} first at ${at(r.firstAt)} s, again at ${at(r.againAt)} s`,
      );
    }
  }
  list.push({
    name: 'duplicates bounded by what was in flight at each kill, rebalance and broker restart',
    passed: duplicates <= bound && outside === 0,
    detail: `duplicates=${duplicates} bound=${bound} outside any window=${outside}${examples.length ? ` (${examples.join('; ')})` : ''}`,
  });

  for (const s of services) {
    list.push({
      name: `per-key order among first deliveries (ordering=${s.ordering})`,
      passed: s.deliveries.orderViolations === 0,
      detail: `violations=${s.deliveries.orderViolations}${s.deliveries.violationExamples.length ? `: ${s.deliveries.violationExamples.join('; ')}` : ''}`,
    });
  }

  const trend = rssTrendPercent(samples, runS);
  list.push({
    name: `RSS flat (least-squares trend over the last half ≤ +${RSS_TREND_LIMIT_PERCENT} %)`,
    passed: Number.isFinite(trend) && trend <= RSS_TREND_LIMIT_PERCENT,
    detail: `trend=${trend >= 0 ? '+' : ''}${trend.toFixed(2)} %`,
  });

  const failed = Math.max(0, ...samples.map((s) => s.failedPartitions));
  const crashes = services.flatMap((s) => s.unexpectedExits);
  list.push({
    name: 'no FAILED partition (none is caused on purpose) and no crash',
    passed: failed === 0 && crashes.length === 0,
    detail: `most FAILED at once=${failed}, unexpected exits=${crashes.length}${crashes.length ? `: ${crashes.join(' | ')}` : ''}`,
  });
  return { passed: list.every((c) => c.passed), list, rssTrendPercent: trend };
}

/**
 * The change of RSS over the last half of the run, in % of its mean there: the least-squares
 * slope through every sample of the services' processes in that half, past each process's
 * warm-up, times the half's length. (One intercept per process was tried first: with a restart
 * every few minutes it measured each new process's climb to its plateau — +18 % in a run whose
 * processes all levelled off at 150–166 MB — not a trend of the service.)
 */
export function rssTrendPercent(samples: SoakSample[], runS: number): number {
  const half = runS / 2;
  const points = samples.flatMap((s) =>
    s.t >= half &&
    s.t <= runS &&
    s.rssMb !== undefined &&
    Number.isFinite(s.rssMb) &&
    (s.rssAgeMs ?? 0) >= RSS_WARM_UP_MS
      ? [{ t: s.t, mb: s.rssMb }]
      : [],
  );
  if (points.length < 3) return NaN;
  const mt = points.reduce((a, p) => a + p.t, 0) / points.length;
  const mm = points.reduce((a, p) => a + p.mb, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.t - mt) * (p.mb - mm);
    sxx += (p.t - mt) ** 2;
  }
  if (sxx === 0) return NaN;
  return ((sxy / sxx) * half * 100) / mm;
}
