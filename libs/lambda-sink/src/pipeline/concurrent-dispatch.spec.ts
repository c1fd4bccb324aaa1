import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeyedBatchScheduler, recordKey } from '../batching/keyed-batch-scheduler';
import type { BatchPlanItem } from '../batching/lambda-batch';
import type { SerializedRecord } from '../batching/partition-batcher';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { dispatchConcurrently, type ItemVerdict } from './concurrent-dispatch';
import { OffsetLedger } from './offset-ledger';

/** A serialized record of `key` (null for a null key) at `offset`, `bytes` long in the payload. */
function record(offset: number, key: string | null, bytes = 10): SerializedRecord {
  const converted = {
    topic: 't',
    partition: 0,
    offset,
    key,
    value: 'v',
    headers: [],
    timestamp: 0,
    original: {
      topic: 't',
      partition: 0,
      offset: String(offset),
      key: key === null ? null : Buffer.from(key),
      value: Buffer.from('v'),
      headers: {},
      timestamp: '0',
    },
  } satisfies ConvertedRecord;
  return { record: converted, json: 'x'.repeat(bytes), bytes };
}

const offsetsOf = (item: BatchPlanItem) =>
  item.kind === 'batch' ? item.batch.records.map((r) => r.offset) : [item.oversized.record.offset];
const keyOfOffset = (records: SerializedRecord[], offset: number) =>
  recordKey(records.find((r) => r.record.offset === offset) as SerializedRecord);

describe('KeyedBatchScheduler', () => {
  it('holds back a key in flight and every later record of it, while other keys go out', () => {
    const records = [record(0, 'a'), record(1, 'b'), record(2, 'a'), record(3, 'c')];
    const scheduler = new KeyedBatchScheduler(records, {
      maxRecords: 1,
      maxPayloadBytes: 1000,
      keyOf: recordKey,
    });
    const first = scheduler.next();
    const second = scheduler.next();
    const third = scheduler.next();
    assert.deepEqual(
      [first, second, third].map((i) => i && offsetsOf(i)),
      [[0], [1], [3]],
    );
    assert.equal(scheduler.next(), undefined, 'a@2 waits for a@0');
    scheduler.finished(first as BatchPlanItem);
    assert.deepEqual(offsetsOf(scheduler.next() as BatchPlanItem), [2]);
  });

  it('puts several records of one key in one batch, in offset order, and null keys count as one key', () => {
    const records = [record(0, 'a'), record(1, 'a'), record(2, null), record(3, null)];
    const scheduler = new KeyedBatchScheduler(records, {
      maxRecords: 10,
      maxPayloadBytes: 1000,
      keyOf: recordKey,
    });
    assert.deepEqual(offsetsOf(scheduler.next() as BatchPlanItem), [0, 1, 2, 3]);
  });

  it('cuts by bytes once, without runt batches, and hands a record too large for any payload over on its own', () => {
    const records = [
      record(0, 'a', 40),
      record(1, 'b', 40),
      record(2, 'c', 500),
      record(3, 'd', 40),
    ];
    const scheduler = new KeyedBatchScheduler(records, {
      maxRecords: 10,
      maxPayloadBytes: 100,
      keyOf: () => undefined,
    });
    const items = [scheduler.next(), scheduler.next(), scheduler.next()] as BatchPlanItem[];
    assert.deepEqual(
      items.map((i) => [i.kind, offsetsOf(i)]),
      [
        ['batch', [0, 1]],
        ['oversized', [2]],
        ['batch', [3]],
      ],
    );
  });
});

describe('dispatchConcurrently (property-based, in memory)', () => {
  it('keeps per-key order, never overlaps a key, never exceeds the in-flight limit, and never commits past an unfinished record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 20 }),
        fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
        async (keys, batchSize, maxInFlight, latencies, poisonOffset) => {
          const records = keys.map((k, i) => record(i, k));
          const scheduler = new KeyedBatchScheduler(records, {
            maxRecords: batchSize,
            maxPayloadBytes: 10_000,
            keyOf: recordKey,
          });
          const ledger = new OffsetLedger();
          ledger.add(records.map((r) => r.record.offset));
          const finishedOffsets = new Set<number>();
          const inFlightKeys = new Map<string, number>();
          const startedPerKey = new Map<string, number[]>();
          let inFlight = 0;
          let calls = 0;
          const result = await dispatchConcurrently(scheduler, {
            maxInFlight,
            shouldStop: () => false,
            finished: (offsets) => {
              offsets.forEach((o) => finishedOffsets.add(o));
              ledger.finish(offsets);
              const through = ledger.doneThrough();
              for (let o = 0; through !== undefined && o <= through; o++)
                assert.ok(finishedOffsets.has(o), `commit point ${through} passes unfinished ${o}`);
            },
            invoke: async (item): Promise<ItemVerdict> => {
              const offsets = offsetsOf(item);
              const itemKeys = new Set(offsets.map((o) => keyOfOffset(records, o)));
              inFlight++;
              assert.ok(inFlight <= maxInFlight, 'in-flight limit');
              for (const key of itemKeys) {
                assert.ok(!inFlightKeys.get(key), `key ${key} in two batches at once`);
                inFlightKeys.set(key, 1);
              }
              for (const o of offsets) {
                const key = keyOfOffset(records, o);
                startedPerKey.set(key, [...(startedPerKey.get(key) ?? []), o]);
              }
              const latency = latencies[calls++ % latencies.length];
              await new Promise((r) => setTimeout(r, latency));
              for (const key of itemKeys) inFlightKeys.delete(key);
              inFlight--;
              return poisonOffset !== undefined && offsets.includes(poisonOffset)
                ? 'fail-partition'
                : 'continue';
            },
          });
          for (const [key, started] of startedPerKey) {
            assert.deepEqual(
              started,
              [...started].sort((a, b) => a - b),
              `key ${key} in order`,
            );
            assert.equal(new Set(started).size, started.length, `key ${key} invoked once each`);
          }
          const poisoned = poisonOffset !== undefined && poisonOffset < records.length;
          if (!poisoned) {
            assert.deepEqual(result, { verdict: 'continue' });
            assert.equal(ledger.doneThrough(), records.length - 1, 'everything committed');
          } else {
            assert.equal(result.verdict, 'fail-partition');
            assert.ok(!finishedOffsets.has(poisonOffset), 'the failed record is not finished');
            assert.ok((ledger.doneThrough() ?? -1) < poisonOffset, 'nor committed past');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
