import { loadavg } from 'node:os';
import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { testKafka } from '../../support/kafka';
import { sleep } from '../harness';
import { ownsBroker } from '../scenarios/broker-restart';
import { checkSoak, type SoakChecks } from './checks';
import { ROTATION, type FaultName } from './fault-names';
import { runFault, type FaultRun } from './faults';
import { SoakService, type Ordering } from './soak-service';

export interface SoakOptions {
  minutes: number;
  /** Records per second produced to each service's topic. */
  rate: number;
  partitions: number;
  /**
   * Faults left out of the rotation. Without SIGKILL each service's first process lives the
   * whole run, which is how a growth of RSS within one process is measured.
   */
  skip?: FaultName[];
  say: (line: string) => void;
}

/** One sample of the time series (every 2 s). */
export interface SoakSample {
  t: number;
  ordering: Ordering;
  /** First deliveries per second since the previous sample. */
  throughput: number;
  lag?: number;
  rssMb?: number;
  /** Age of the process whose RSS this is, and its pid: a restart starts a new series. */
  rssAgeMs?: number;
  pid?: number;
  failedPartitions: number;
  /** The machine's 1-minute load average (the machine is shared). */
  load1: number;
}

export interface SoakReport {
  options: Omit<SoakOptions, 'say'>;
  startedAt: string;
  durationS: number;
  samples: SoakSample[];
  faults: FaultRun[];
  services: Array<{ ordering: Ordering; produced: number; delivered: number; duplicates: number }>;
  checks: SoakChecks;
  produceFailures: number;
  loadAverage: number[];
  /** Per service, every process's output (written beside the summary, not into the JSON). */
  logs: Array<{ ordering: Ordering; text: string }>;
}

const SAMPLE_MS = 2000;
const SOCKET_TIMEOUT_MS = 3000;

/**
 * The soak: both orderings side by side under a steady producer while the fault rotation runs,
 * then a drain, then the checks. Faults start after a tenth of the run and keep a quiet gap
 * after each one, so the plot shows each recovery.
 */
export async function runSoak(lambda: LambdaLocal, options: SoakOptions): Promise<SoakReport> {
  const { say } = options;
  const services = (['partition', 'key'] as const).map(
    (ordering) => new SoakService(lambda, ordering, options.partitions),
  );
  for (const s of services) await s.setUp(SOCKET_TIMEOUT_MS);
  const started = Date.now();
  const runMs = options.minutes * 60_000;
  const elapsed = () => (Date.now() - started) / 1000;
  const samples: SoakSample[] = [];
  let producing = true;
  let produceFailures = 0;

  const producer = testKafka('soak-producer').producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const produceLoop = (async () => {
    let n = 0;
    const perTick = Math.max(1, Math.round(options.rate / 10));
    for (let tick = Date.now(); producing; tick += 100) {
      const messages = Array.from({ length: perTick }, () => {
        n++;
        return { key: `key-${n % 97}`, value: JSON.stringify({ n, at: Date.now() }) };
      });
      await Promise.all(
        services.map((s) =>
          producer.send({ topic: s.topic, acks: -1, messages }).catch(() => produceFailures++),
        ),
      );
      await sleep(Math.max(0, tick + 100 - Date.now()));
    }
  })();

  let draining = false;
  const lastFirst = new Map<Ordering, number>();
  let lastT = 0;
  const sampleLoop = (async () => {
    while (producing || samples.length === 0 || draining) {
      const t = elapsed();
      const dt = Math.max(0.001, t - lastT);
      lastT = t;
      for (const s of services) {
        const first = s.deliveries.firstDeliveries;
        const previous = lastFirst.get(s.ordering) ?? 0;
        lastFirst.set(s.ordering, first);
        const rss = s.rss();
        samples.push({
          t,
          ordering: s.ordering,
          throughput: (first - previous) / dt,
          lag: await s.lag().then(
            (l) => l.lag,
            () => undefined,
          ),
          rssMb: rss?.mb,
          rssAgeMs: rss?.ageMs,
          pid: rss?.pid,
          failedPartitions: await s.failedPartitions(),
          load1: loadavg()[0],
        });
      }
      // The endpoint's own log of calls is not needed (each function records what it got).
      lambda.clearInvocations();
      await sleep(Math.max(0, SAMPLE_MS - (elapsed() - t) * 1000));
    }
  })();

  const faults: FaultRun[] = [];
  const ctx = {
    lambda,
    services,
    durationMs: options.minutes <= 3 ? 8000 : 20_000,
    socketTimeoutMs: SOCKET_TIMEOUT_MS,
    canRestartBroker: ownsBroker(),
    rotation: ROTATION.filter((f) => !options.skip?.includes(f)),
  };
  const quietMs = options.minutes <= 3 ? 3000 : 25_000;
  await sleep(Math.min(runMs / 10, 60_000));
  for (let i = 0; Date.now() - started < runMs - ctx.durationMs; i++) {
    const run = await runFault(ctx, i, started);
    faults.push(run);
    say(`${run.from.toFixed(0)}–${run.to.toFixed(0)} s ${run.fault} (${run.target}): ${run.note}`);
    await sleep(Math.min(quietMs, Math.max(0, runMs - (Date.now() - started))));
  }
  await sleep(Math.max(0, runMs - (Date.now() - started)));

  producing = false;
  draining = true;
  await produceLoop;
  await producer.disconnect();
  say(`producer stopped at ${elapsed().toFixed(0)} s; draining`);
  const drainDeadline = Date.now() + 120_000;
  while (Date.now() < drainDeadline) {
    const lags = await Promise.all(
      services.map((s) =>
        s.lag().then(
          (l) => l.lag,
          () => -1,
        ),
      ),
    );
    if (lags.every((l) => l === 0)) break;
    await sleep(1000);
  }
  draining = false;
  await sampleLoop;
  const ends = await Promise.all(services.map((s) => s.lag().then((l) => l.ends)));
  for (const s of services) await s.stop();

  const checks = checkSoak(services, ends, faults, samples, runMs / 1000, started);
  return {
    options: {
      minutes: options.minutes,
      rate: options.rate,
      partitions: options.partitions,
      skip: options.skip,
    },
    startedAt: new Date(started).toISOString(),
    durationS: elapsed(),
    samples,
    faults,
    services: services.map((s, i) => ({
      ordering: s.ordering,
      produced: [...ends[i].values()].reduce((a, b) => a + b, 0),
      delivered: s.deliveries.firstDeliveries,
      duplicates: s.deliveries.duplicates,
    })),
    checks,
    produceFailures,
    loadAverage: loadavg(),
    logs: services.map((s) => ({ ordering: s.ordering, text: s.logs() })),
  };
}
