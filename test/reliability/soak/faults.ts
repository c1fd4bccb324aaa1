import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { withAdmin } from '../../support/kafka';
import { sleep } from '../harness';
import { restartBroker } from '../scenarios/broker-restart';
import type { FaultName } from './fault-names';
import type { SoakService } from './soak-service';

/** What a fault did, for the report and for the duplicate bound. */
export interface FaultRun {
  fault: string;
  target: string;
  from: number;
  to: number;
  /** Records delivered but not committed when the fault could make them run again. */
  replayWindow: Set<string>;
  note: string;
}

export interface FaultContext {
  lambda: LambdaLocal;
  services: SoakService[];
  /** How long a fault lasts (storms, bursts, refusals, the scaled-out period). */
  durationMs: number;
  /** The socket timeout the services use: hangs last past it. */
  socketTimeoutMs: number;
  canRestartBroker: boolean;
  /** The rotation this run goes through (ROTATION, or ROTATION less the faults left out). */
  rotation: FaultName[];
}

type Fault = (
  ctx: FaultContext,
  target: SoakService,
) => Promise<Omit<FaultRun, 'fault' | 'from' | 'to' | 'target'>>;

/**
 * Runs `work` while collecting what `services` had delivered but not committed — once before
 * the work starts, then every 500 ms and for `settleMs` after it: what a rebalance or a lost
 * group may hand out again. While the committed offsets cannot be read (the broker is away)
 * nothing is known to be committed, so everything first delivered since the last good read
 * counts as replayable (everything delivered, before any good read).
 */
async function watchingReplays<T>(
  services: SoakService[],
  settleMs: number,
  work: () => Promise<T>,
): Promise<{ result: T; window: Set<string> }> {
  const window = new Set<string>();
  const lastRead = new Map<SoakService, number>();
  const read = async (s: SoakService) => {
    const readAt = Date.now();
    let seen: Set<string>;
    try {
      seen = await s.replayWindow();
      lastRead.set(s, readAt);
    } catch {
      seen = s.deliveredSince(lastRead.get(s) ?? 0);
    }
    for (const record of seen) window.add(record);
  };
  // Before the work: a broker stopped at once would leave the first read in the loop below to
  // race the stop (a CI run lost that race and counted 5 records held back by an earlier fault,
  // replayed after the restart, as duplicates outside every window).
  for (const s of services) await read(s);
  let until = Infinity;
  const watch = (async () => {
    while (Date.now() < until) {
      for (const s of services) await read(s);
      await sleep(500);
    }
  })();
  const result = await work();
  until = Date.now() + settleMs;
  await watch;
  return { result, window };
}

/** Every function gets the same faults from the endpoint's faults API for the fault's duration. */
async function endpointFaults(ctx: FaultContext, faults: Parameters<LambdaLocal['setFaults']>[1]) {
  for (const s of ctx.services) ctx.lambda.setFaults(s.functionName, faults);
  await sleep(ctx.durationMs);
  for (const s of ctx.services) ctx.lambda.clearFaults(s.functionName);
}

const FAULTS: Record<FaultName, Fault> = {
  'throttling storm': async (ctx) => {
    await endpointFaults(ctx, { throttle: { ratio: 0.8, retryAfterSeconds: 0 } });
    return { replayWindow: new Set(), note: '80 % of calls answered 429' };
  },
  '5xx burst': async (ctx) => {
    await endpointFaults(ctx, { serverError: { ratio: 0.4, status: 503 } });
    return { replayWindow: new Set(), note: '40 % of calls answered 503' };
  },
  'hang past socket timeout': async (ctx) => {
    await endpointFaults(ctx, { hang: { firstN: 3 } });
    return {
      replayWindow: new Set(),
      note: `3 calls per function never answered (socket timeout ${ctx.socketTimeoutMs} ms)`,
    };
  },
  'SIGKILL + restart': async (ctx, target) => {
    const window = await target.kill();
    await sleep(Math.min(ctx.durationMs, 5000));
    return { replayWindow: window, note: `${window.size} delivered, uncommitted at the kill` };
  },
  'scale 1→2→1': async (ctx, target) => {
    const { result: code, window } = await watchingReplays([target], 5000, async () => {
      target.scaleOut();
      await sleep(ctx.durationMs);
      return target.scaleIn();
    });
    return { replayWindow: window, note: `second instance exit ${code}` };
  },
  'broker restart': async (ctx) => {
    if (!ctx.canRestartBroker)
      return { replayWindow: new Set(), note: 'skipped: the broker is not the project’s own' };
    // A read of the commits that starts as the broker stops may answer only once it is back
    // (the admin client retries), with offsets committed after the replay: a CI run counted 4
    // records delivered 0.3 s into the stop and replayed after the restart as outside every
    // window. So everything first delivered from the stop until the broker is back counts too.
    const restarting = Date.now();
    const whileAway = new Set<string>();
    const { result: stopStatus, window } = await watchingReplays(ctx.services, 10_000, async () => {
      const status = await restartBroker(3000);
      for (const s of ctx.services) for (const r of s.deliveredSince(restarting)) whileAway.add(r);
      return status;
    });
    for (const record of whileAway) window.add(record);
    return { replayWindow: window, note: `stop exit ${stopStatus}, started again` };
  },
  'result topic refuses writes': async (ctx) => {
    // The result topic is deleted and created again after a while. The sink's producer never
    // creates topics, so meanwhile every write is refused (UNKNOWN_TOPIC_OR_PARTITION).
    // min.insync.replicas above the replication factor would not do: Kafka 4 caps the setting
    // at the replication factor.
    const topics = ctx.services.map((s) => s.resultTopic);
    await withAdmin((admin) => admin.deleteTopics({ topics }));
    await sleep(ctx.durationMs);
    await withAdmin((admin) =>
      admin.createTopics({
        topics: topics.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
        waitForLeaders: true,
      }),
    );
    return {
      replayWindow: new Set(),
      note: 'result topics deleted, created again after the fault',
    };
  },
};

/** Runs the `index`-th fault of the endless rotation and says what it did. */
export async function runFault(
  ctx: FaultContext,
  index: number,
  startedAt: number,
): Promise<FaultRun> {
  const { rotation } = ctx;
  const fault = rotation[index % rotation.length];
  // The n-th run of a fault (counted over the rotation so far) hits service n mod 2.
  const occurrence = Array.from({ length: index }, (_, i) => rotation[i % rotation.length]).filter(
    (f) => f === fault,
  ).length;
  const target = ctx.services[occurrence % ctx.services.length];
  const from = (Date.now() - startedAt) / 1000;
  const result = await FAULTS[fault](ctx, target);
  const targeted = fault === 'SIGKILL + restart' || fault === 'scale 1→2→1';
  return {
    fault,
    target: targeted ? `ordering=${target.ordering}` : 'all',
    from,
    to: (Date.now() - startedAt) / 1000,
    ...result,
  };
}
