import { readFileSync } from 'node:fs';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { produce } from '../support/kafka';
import { recordInvocations } from '../support/sink';

/** What one scenario measured; `passed` applies the scenario's own rule to these numbers. */
export interface ScenarioResult {
  scenario: string;
  rule: string;
  produced: number;
  lost: number;
  duplicated: number;
  passed: boolean;
  notes: string[];
}

/** How big a run is: the CI suite runs small, `npm run test:reliability` runs the issue's sizes. */
export interface ScenarioSize {
  records: number;
  partitions: number;
  kills: number;
}

export const SHORT: ScenarioSize = { records: 3000, partitions: 3, kills: 3 };
export const FULL: ScenarioSize = { records: 50_000, partitions: 6, kills: 10 };

/** Produces records whose value is `{"seq": n}` for n in [from, from+count), round-robin over partitions. */
export async function produceSequenced(
  topic: string,
  from: number,
  count: number,
  partitions: number,
): Promise<void> {
  await produce(
    topic,
    Array.from({ length: count }, (_, i) => ({
      key: `k${from + i}`,
      value: JSON.stringify({ seq: from + i }),
      partition: (from + i) % partitions,
    })),
  );
}

/** Sequence numbers Lambda received, with how often each arrived. */
export function invokedSequences(lambda: LambdaLocal, fn: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const invocation of recordInvocations(lambda, fn)) {
    // Only calls the function completed count: a 429, a 5xx or a function error did not process.
    if (
      (invocation.statusCode !== 200 && invocation.statusCode !== 202) ||
      invocation.functionError
    )
      continue;
    for (const element of invocation.event as Array<{ payload: { value: unknown } }>) {
      const seq = sequenceOf(element.payload.value);
      if (seq !== undefined) counts.set(seq, (counts.get(seq) ?? 0) + 1);
    }
  }
  return counts;
}

/** The `seq` of a record value (a JSON string or an object already parsed by JsonConverter). */
function sequenceOf(value: unknown): number | undefined {
  try {
    const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as { seq?: unknown };
    return typeof parsed?.seq === 'number' && parsed.seq >= 0 ? parsed.seq : undefined;
  } catch {
    return undefined;
  }
}

/** lost = produced sequence numbers never invoked; duplicated = those invoked more than once. */
export function tally(
  lambda: LambdaLocal,
  fn: string,
  produced: number,
  only?: (seq: number) => boolean,
) {
  const counts = invokedSequences(lambda, fn);
  let lost = 0;
  let duplicated = 0;
  for (let seq = 0; seq < produced; seq++) {
    if (only && !only(seq)) continue;
    const n = counts.get(seq) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated++;
  }
  return { lost, duplicated };
}

/** Resident set size of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : NaN;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function formatResult(r: ScenarioResult): string {
  return `${r.passed ? 'PASS' : 'FAIL'} ${r.scenario}: produced=${r.produced} lost=${r.lost} duplicated=${r.duplicated}${
    r.notes.length ? ` (${r.notes.join('; ')})` : ''
  }`;
}
