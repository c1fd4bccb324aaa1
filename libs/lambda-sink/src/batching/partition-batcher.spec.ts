import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { planPartitionBatches, type SerializedRecord } from './partition-batcher';

function serialized(offset: number, value: string): SerializedRecord {
  const record: ConvertedRecord = {
    topic: 't',
    partition: 3,
    offset,
    key: null,
    value,
    headers: [],
    timestamp: 0,
    original: {
      topic: 't',
      partition: 3,
      offset: String(offset),
      key: null,
      value: Buffer.from(value),
      headers: {},
      timestamp: '0',
    },
  };
  const json = JSON.stringify({ payload: { offset, value } });
  return { record, json, bytes: Buffer.byteLength(json) };
}

const range = (n: number, value = 'v') => Array.from({ length: n }, (_, i) => serialized(i, value));

describe('planPartitionBatches', () => {
  it('closes a batch at aws.lambda.batch.size records, keeping offsets increasing', () => {
    const plan = planPartitionBatches(range(45), { maxRecords: 20, maxPayloadBytes: 6_291_456 });
    const sizes = plan.map((p) => (p.kind === 'batch' ? p.batch.records.length : -1));
    assert.deepEqual(sizes, [20, 20, 5]);
    const offsets = plan.flatMap((p) =>
      p.kind === 'batch' ? p.batch.records.map((r) => r.offset) : [],
    );
    assert.deepEqual(
      offsets,
      Array.from({ length: 45 }, (_, i) => i),
    );
  });

  it('with batch size 1 sends every record alone', () => {
    const plan = planPartitionBatches(range(3), { maxRecords: 1, maxPayloadBytes: 1000 });
    assert.equal(plan.length, 3);
  });

  it('serializes the payload as a JSON array whose byte size it reports exactly', () => {
    const plan = planPartitionBatches([serialized(7, 'héllo ✓'), serialized(8, 'x')], {
      maxRecords: 10,
      maxPayloadBytes: 10_000,
    });
    assert.equal(plan[0].kind, 'batch');
    const batch = plan[0].kind === 'batch' ? plan[0].batch : undefined;
    assert.ok(batch);
    assert.equal(batch.payloadBytes, batch.payload.byteLength);
    assert.deepEqual(JSON.parse(Buffer.from(batch.payload).toString('utf8')), [
      { payload: { offset: 7, value: 'héllo ✓' } },
      { payload: { offset: 8, value: 'x' } },
    ]);
    assert.equal(batch.firstOffset, 7);
    assert.equal(batch.lastOffset, 8);
  });

  it('cuts a batch before its serialized size would pass the byte limit', () => {
    const big = 'x'.repeat(300);
    const records = range(10, big);
    const limit = 1000;
    const plan = planPartitionBatches(records, { maxRecords: 100, maxPayloadBytes: limit });
    for (const item of plan) {
      assert.equal(item.kind, 'batch');
      if (item.kind === 'batch') assert.ok(item.batch.payloadBytes <= limit);
    }
    const total = plan.reduce((n, p) => n + (p.kind === 'batch' ? p.batch.records.length : 0), 0);
    assert.equal(total, 10);
    assert.ok(plan.length > 1);
  });

  it('fills a batch exactly up to the byte limit', () => {
    const one = serialized(0, 'a');
    const limit = 2 + one.bytes * 2 + 1; // room for exactly two elements and their comma
    const plan = planPartitionBatches([one, serialized(1, 'a'), serialized(2, 'a')], {
      maxRecords: 100,
      maxPayloadBytes: limit,
    });
    assert.deepEqual(
      plan.map((p) => (p.kind === 'batch' ? p.batch.records.length : 0)),
      [2, 1],
    );
  });

  it('turns a record too large on its own into an oversized item in offset order', () => {
    const records = [serialized(0, 'a'), serialized(1, 'y'.repeat(2000)), serialized(2, 'b')];
    const plan = planPartitionBatches(records, { maxRecords: 100, maxPayloadBytes: 1000 });
    assert.deepEqual(
      plan.map((p) => p.kind),
      ['batch', 'oversized', 'batch'],
    );
    const oversized = plan[1].kind === 'oversized' ? plan[1].oversized : undefined;
    assert.equal(oversized?.record.offset, 1);
    assert.equal(oversized?.limitBytes, 1000);
  });
});
