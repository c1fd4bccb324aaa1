import {
  startLambdaLocal,
  type InvocationRecord,
  type LambdaHandler,
} from '../../../libs/lambda-local/src';
import type {
  BenchFunctionKind,
  EndpointEnvelope,
  EndpointReply,
  FunctionStats,
} from './endpoint-protocol';

/**
 * The Lambda endpoint of the benchmarks, in its own process. Run in the bench process it
 * would share one event loop with the in-process sink and bill its JSON parsing to the
 * sink; here it competes only for the machine's cores, as a remote Lambda would not at all,
 * and its CPU time is reported on its own.
 */
const stats = new Map<string, FunctionStats>();
/** Fixed latency set on each function, to date its first invocation's arrival. */
const latencyOf = new Map<string, number>();
const latencies = new Map<string, number[]>();

function statsOf(name: string): FunctionStats {
  let s = stats.get(name);
  if (!s) {
    s = {
      records: 0,
      invocations: 0,
      firstAt: 0,
      lastAt: 0,
      maxBatch: 0,
      orderViolations: 0,
      distinctRecords: 0,
      throttled: 0,
    };
    stats.set(name, s);
  }
  return s;
}

function handlerFor(name: string, kind: BenchFunctionKind): LambdaHandler {
  const s = statsOf(name);
  const lags = kind === 'latency' ? (latencies.get(name) ?? []) : undefined;
  if (lags) latencies.set(name, lags);
  // keyorder: the highest offset delivered per partition and key, and every offset delivered.
  const highestOfKey = kind === 'keyorder' ? new Map<string, number>() : undefined;
  const delivered = new Set<string>();
  return async (event: unknown) => {
    const now = Date.now();
    const records = Array.isArray(event) ? event : [];
    if (s.invocations === 0) s.firstAt = now - (latencyOf.get(name) ?? 0);
    s.lastAt = now;
    s.invocations++;
    s.records += records.length;
    s.maxBatch = Math.max(s.maxBatch, records.length);
    if (highestOfKey) {
      for (const element of records as Array<{
        payload: { partition: number; offset: number; key: unknown };
      }>) {
        const { partition, offset, key } = element.payload;
        const record = `${partition}@${offset}`;
        if (delivered.has(record)) continue; // a redelivery is not a first delivery
        delivered.add(record);
        s.distinctRecords = delivered.size;
        const ofKey = `${partition}/${String(key)}`;
        const highest = highestOfKey.get(ofKey) ?? -1;
        if (offset < highest) s.orderViolations++;
        else highestOfKey.set(ofKey, offset);
      }
    }
    if (lags) {
      for (const element of records as Array<{ payload?: { value?: unknown } }>) {
        const value = element.payload?.value;
        const tagged =
          typeof value === 'string' ? (JSON.parse(value) as { t?: number; warmup?: boolean }) : {};
        if (typeof tagged.t === 'number' && !tagged.warmup) lags.push(now - tagged.t);
      }
    }
    // A tiny answer: the sink then reports it as the result of every record of the batch.
    return { ok: true };
  };
}

/**
 * 429 answers of each function taken from the invocation log before it is cleared (throttled
 * calls never reach a handler). A concurrency-limit refusal is answered as it is logged, so none
 * is missed.
 */
const throttledBefore = new Map<string, number>();

function throttledIn(records: readonly InvocationRecord[], name?: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.statusCode !== 429 || (name !== undefined && r.functionName !== name)) continue;
    counts.set(r.functionName, (counts.get(r.functionName) ?? 0) + 1);
  }
  return counts;
}

async function main(): Promise<void> {
  // Bodies are not kept: a benchmark sends hundreds of megabytes.
  const lambda = await startLambdaLocal({ recordPayloads: false });
  const send = (reply: EndpointReply) => process.send?.(reply);

  process.on('message', (message: EndpointEnvelope) => {
    let result: unknown = null;
    try {
      switch (message.op) {
        case 'register':
          lambda.registerFunction(message.name, handlerFor(message.name, message.kind), {
            timeoutSeconds: 900,
          });
          break;
        case 'setFaults':
          lambda.setFaults(message.name, message.faults);
          if (typeof message.faults.latencyMs === 'number')
            latencyOf.set(message.name, message.faults.latencyMs);
          break;
        case 'stats': {
          const now = throttledIn(lambda.invocations, message.name).get(message.name) ?? 0;
          const throttled = (throttledBefore.get(message.name) ?? 0) + now;
          result = { ...statsOf(message.name), throttled };
          break;
        }
        case 'latencies':
          result = latencies.get(message.name) ?? [];
          break;
        case 'process': {
          const cpu = process.cpuUsage();
          result = {
            cpuUserMs: cpu.user / 1000,
            cpuSystemMs: cpu.system / 1000,
            rssBytes: process.memoryUsage.rss(),
          };
          break;
        }
      }
      send({ kind: 'reply', id: message.id, result });
    } catch (error) {
      send({ kind: 'reply', id: message.id, error: String(error) });
    }
  });
  // The invocation log keeps a small record per call; a long run needs none of them.
  setInterval(() => {
    for (const [name, n] of throttledIn(lambda.invocations))
      throttledBefore.set(name, (throttledBefore.get(name) ?? 0) + n);
    lambda.clearInvocations();
  }, 1000).unref();
  process.on('disconnect', () => {
    void lambda.close().then(() => process.exit(0));
  });
  send({ kind: 'ready', url: lambda.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench endpoint failed: ${String(error)}\n`);
  process.exit(1);
});
