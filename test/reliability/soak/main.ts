#!/usr/bin/env node
/**
 * `npm run soak -- --minutes N` (default 10): both orderings under a steady producer and a
 * rotating schedule of faults, then the checks; writes the one-page summary (markdown, PNG plot,
 * JSON) to bench/results/. Exit code 1 when a check fails. Starts the project's broker when none
 * is reachable and stops it afterwards (a broker named by KAFKA_BOOTSTRAP_SERVERS is left alone,
 * and then not restarted by the soak either unless it is the project's own).
 */
import { join } from 'node:path';
import { ensureLocalBroker, stopLocalBroker } from '../../../apps/demo/src/local-broker';
// The fault names, kept here so that --skip is checked before a broker is started.
import { FAULT_NAMES, type FaultName } from './fault-names';

const root = join(__dirname, '..', '..', '..', '..');

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a positive number, got ${args[i + 1] ?? 'nothing'}`);
    process.exit(2);
  }
  return value;
}

/** `--skip "SIGKILL + restart"` (repeatable): faults left out of the rotation. */
function skipped(): FaultName[] {
  const args = process.argv.slice(2);
  const names = args.flatMap((a, i) => (a === '--skip' ? [args[i + 1] ?? ''] : []));
  const unknown = names.filter((n) => !(FAULT_NAMES as readonly string[]).includes(n));
  if (unknown.length) {
    console.error(`--skip takes one of: ${FAULT_NAMES.join(', ')}; got ${unknown.join(', ')}`);
    process.exit(2);
  }
  return names as FaultName[];
}

async function main(): Promise<number> {
  const minutes = option('minutes', 10);
  const rate = option('rate', 200);
  const skip = skipped();
  const say = (line: string) => console.log(`[soak] ${line}`);
  const started = ensureLocalBroker(root, say);
  process.env.KAFKA_BOOTSTRAP_SERVERS ||= `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
  try {
    // Loaded after the broker is known: the test support reads KAFKA_BOOTSTRAP_SERVERS once.
    const { startLambda } = await import('../../support/sink');
    const { runSoak } = await import('./run-soak');
    const { writeSummary } = await import('./summary');
    const lambda = await startLambda();
    try {
      say(
        `${minutes} min at ${rate} records/s per service${skip.length ? `, without ${skip.join(', ')}` : ''}`,
      );
      const report = await runSoak(lambda, { minutes, rate, partitions: 4, skip, say });
      for (const c of report.checks.list)
        console.log(`${c.passed ? 'PASS' : 'FAIL'} ${c.name}: ${c.detail}`);
      const file = await writeSummary(report, join(root, 'bench', 'results'), root);
      say(`summary: ${file}`);
      return report.checks.passed ? 0 : 1;
    } finally {
      await lambda.close();
    }
  } finally {
    if (started) stopLocalBroker(root);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
