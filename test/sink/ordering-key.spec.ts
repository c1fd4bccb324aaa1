import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InvocationRecord, LambdaLocal } from '../../libs/lambda-local/src';
import { committedOffsets, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import { spawnSink, writePropertiesFile } from '../support/sink-process';
import { expectCommitted, withSink } from '../outcomes/support/outcomes';

const KEYS = 30;
const RECORDS = 300;

interface Delivered {
  key: string;
  offset: number;
  call: InvocationRecord;
}

/** Every record delivered to the function, with the call that carried it. */
function delivered(lambda: LambdaLocal, fn: string): Delivered[] {
  return recordInvocations(lambda, fn).flatMap((call) =>
    (call.event as Array<{ payload: { key: string; offset: number } }>).map(({ payload }) => ({
      key: payload.key,
      offset: payload.offset,
      call,
    })),
  );
}

/** The most calls that were in flight at one moment. */
function peakConcurrency(calls: InvocationRecord[]): number {
  const edges = calls.flatMap((c) => [
    [c.receivedAt, 1],
    [c.respondedAt ?? Infinity, -1],
  ]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (now += step));
  return peak;
}

/**
 * Per key: the first deliveries follow offset order, and (within one run of the service) no two
 * calls of the key overlapped.
 */
function assertKeyOrder(records: Delivered[], checkOverlap = true): void {
  const byKey = new Map<string, Delivered[]>();
  for (const r of records) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  for (const [key, list] of byKey) {
    const firstSeen: number[] = [];
    for (const r of list) if (!firstSeen.includes(r.offset)) firstSeen.push(r.offset);
    assert.deepEqual(
      firstSeen,
      [...firstSeen].sort((a, b) => a - b),
      `key ${key} in offset order`,
    );
    if (!checkOverlap) continue;
    const calls = [...new Set(list.map((r) => r.call))].sort((a, b) => a.receivedAt - b.receivedAt);
    for (let i = 1; i < calls.length; i++) {
      const previousEnd = calls[i - 1].respondedAt ?? Infinity;
      assert.ok(calls[i].receivedAt >= previousEnd, `key ${key}: two calls at once`);
    }
  }
}

async function keyedTopic(): Promise<string> {
  const topic = await createTopic(uniqueName('ordering-key'), 1);
  await produce(
    topic,
    Array.from({ length: RECORDS }, (_, i) => ({ key: `key-${i % KEYS}`, value: `v${i}` })),
  );
  return topic;
}

describe('aws.lambda.ordering=key on one partition', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  const slowFunction = () => {
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => {
      await new Promise((r) => setTimeout(r, 40));
      return (event as unknown[]).map(() => 'ok');
    });
    return fn;
  };

  it('invokes different keys concurrently, each key in offset order and never twice at once; ordering=partition stays one at a time', async () => {
    const topic = await keyedTopic();
    const peaks: Record<string, number> = {};
    for (const ordering of ['key', 'partition']) {
      const fn = slowFunction();
      const name = uniqueName('sink');
      await withSink(
        sinkProperties(lambda, {
          name,
          topics: topic,
          'aws.lambda.function.name': fn,
          'aws.lambda.batch.size': '5',
          'aws.lambda.ordering': ordering,
          'aws.lambda.max.in.flight.per.partition': '8',
        }),
        () => expectCommitted(`connect-${name}`, topic, { 0: RECORDS }, 60_000),
      );
      const records = delivered(lambda, fn);
      assert.equal(new Set(records.map((r) => r.offset)).size, RECORDS, 'every record invoked');
      assertKeyOrder(records);
      peaks[ordering] = peakConcurrency([...new Set(records.map((r) => r.call))]);
    }
    assert.equal(peaks.partition, 1);
    assert.ok(peaks.key > 1 && peaks.key <= 8, `peak in flight with key ordering: ${peaks.key}`);
  });

  it('loses nothing when the service is killed with SIGKILL mid-run, and keeps per-key order', async () => {
    const topic = await keyedTopic();
    const fn = slowFunction();
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': '5',
      'aws.lambda.ordering': 'key',
      listeners: 'http://127.0.0.1:0',
    });
    const configFile = writePropertiesFile(properties);
    const groupId = `connect-${properties.name}`;
    const invoked = () => new Set(delivered(lambda, fn).map((r) => r.offset));

    const first = spawnSink(configFile);
    assert.ok(await eventually(() => invoked().size >= 80, 60_000, 20), first.output());
    first.child.kill('SIGKILL');
    await first.exited;
    const next = (await committedOffsets(groupId, topic)).get(0) ?? 0;
    for (let offset = 0; offset < next; offset++)
      assert.ok(invoked().has(offset), `commit ${next} passes uninvoked offset ${offset}`);

    const second = spawnSink(configFile);
    try {
      assert.ok(await eventually(() => invoked().size === RECORDS, 60_000), second.output());
      await expectCommitted(groupId, topic, { 0: RECORDS }, 30_000);
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0, second.output());
    }
    // Calls of the killed service may still have been answered after the restart began.
    assertKeyOrder(delivered(lambda, fn), false);
  });
});
