import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFromConnectProperties } from '../config/connect-options';
import { minimalProperties } from '../config/test-properties';
import { convertedRecord } from '../reporting/converted-record.fixture';
import { BatchingService } from './batching.service';

function service(extra: Record<string, string>) {
  return new BatchingService(optionsFromConnectProperties(minimalProperties(extra)));
}

function serialized(service: BatchingService, count: number, valueBytes: number) {
  return Array.from({ length: count }, (_, offset) => {
    const record = convertedRecord(offset, { value: 'x'.repeat(valueBytes) });
    return { record, ...service.encoder.element(record) };
  });
}

describe('BatchingService', () => {
  it('cuts by count and by bytes once: 60 records of 500 KB at batch 20 make 5 sync batches, no runt', () => {
    const batching = service({ 'aws.lambda.batch.size': '20' });
    const plan = batching.planInOrder(serialized(batching, 60, 500_000));
    const sizes = plan.map((item) => (item.kind === 'batch' ? item.batch.records.length : 0));
    assert.deepEqual(sizes, [12, 12, 12, 12, 12]);
    for (const item of plan) {
      assert.ok(item.kind === 'batch' && item.batch.payload.byteLength <= 6_291_456);
    }
  });

  it('writes the batches in the configured payload format (esm: the trigger event)', () => {
    const batching = service({ 'aws.lambda.payload.format': 'esm' });
    const [item] = batching.planInOrder(serialized(batching, 3, 10));
    assert.equal(item.kind, 'batch');
    const event = JSON.parse(Buffer.from(item.batch.payload).toString('utf8')) as {
      eventSource: string;
      records: Record<string, unknown[]>;
    };
    assert.equal(event.eventSource, 'SelfManagedKafka');
    assert.equal(event.records['orders-1'].length, 3);
    // A recovery batch (bisect, partial retry) is written the same way.
    const half = batching.batchOf(item.batch.records.slice(0, 1));
    assert.equal(
      (JSON.parse(Buffer.from(half.payload).toString('utf8')) as { eventSource: string })
        .eventSource,
      'SelfManagedKafka',
    );
  });

  it("hands out key-ordered batches in ordering=key: a key's second record waits for its first", () => {
    const batching = service({ 'aws.lambda.ordering': 'key', 'aws.lambda.batch.size': '1' });
    const records = serialized(batching, 3, 10).map((item, i) => ({
      ...item,
      record: {
        ...item.record,
        original: { ...item.record.original, key: Buffer.from(i < 2 ? 'same' : 'other') },
      },
    }));
    const scheduler = batching.scheduler(records);
    const first = scheduler.next();
    const second = scheduler.next();
    assert.ok(first && second);
    const offsets = [first, second].map((item) =>
      item.kind === 'batch' ? item.batch.firstOffset : item.oversized.record.offset,
    );
    assert.deepEqual(offsets, [0, 2], 'offset 1 waits: its key is in flight');
  });
});
