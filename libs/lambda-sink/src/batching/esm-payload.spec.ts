import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planPartitionBatches, type SerializedRecord } from './partition-batcher';
import { esmFrame, toEsmRecord } from './esm-payload';
import type { ConvertedRecord, KafkaRecord } from '../conversion/kafka-record';
import { esmEncoder } from './payload-encoder';

function kafkaRecord(overrides: Partial<KafkaRecord> = {}): KafkaRecord {
  return {
    topic: 'orders',
    partition: 3,
    offset: '15',
    key: Buffer.from('order-1'),
    value: Buffer.from('{"id":1}'),
    headers: {},
    timestamp: '1545084650987',
    ...overrides,
  };
}

/** A converted record whose converters turned everything into something else: ESM must not care. */
function converted(original: KafkaRecord): ConvertedRecord {
  return {
    topic: original.topic,
    partition: original.partition,
    offset: Number(original.offset),
    key: 'converted key',
    value: { converted: true },
    headers: [],
    timestamp: Number(original.timestamp),
    original,
  };
}

describe('toEsmRecord', () => {
  it("writes AWS's field order, numbers as numbers, and the raw key and value bytes as base64", () => {
    const raw = Buffer.from([0, 1, 2, 250, 255]);
    const esm = toEsmRecord(kafkaRecord({ value: raw }));
    assert.deepEqual(Object.keys(esm), [
      'topic',
      'partition',
      'offset',
      'timestamp',
      'timestampType',
      'key',
      'value',
      'headers',
    ]);
    assert.equal(esm.partition, 3);
    assert.equal(esm.offset, 15);
    assert.equal(esm.timestamp, 1545084650987);
    assert.equal(esm.timestampType, 'CREATE_TIME');
    assert.equal(esm.key, Buffer.from('order-1').toString('base64'));
    assert.deepEqual(Buffer.from(esm.value ?? '', 'base64'), raw);
  });

  it('leaves out a null key and a null value, as AWS leaves out a null key', () => {
    const esm = toEsmRecord(kafkaRecord({ key: null, value: null }));
    assert.equal('key' in esm, false);
    assert.equal('value' in esm, false);
  });

  it('keeps an empty value (zero bytes) apart from a missing one', () => {
    assert.equal(toEsmRecord(kafkaRecord({ value: Buffer.alloc(0) })).value, '');
  });

  it('lists each header occurrence with its bytes; a valueless header has none', () => {
    const esm = toEsmRecord(
      kafkaRecord({
        headers: { trace: Buffer.from('ab'), tag: [Buffer.from('x'), 'é'], empty: null },
      }),
    );
    assert.deepEqual(esm.headers, [
      { trace: [97, 98] },
      { tag: [120] },
      { tag: [0xc3, 0xa9] },
      { empty: [] },
    ]);
  });
});

describe('the ESM batch body', () => {
  const servers = ['b-1.example:9092', 'b-2.example:9092'];

  it('is the self-managed Kafka event with one topic-partition entry, sized exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.nat({ max: 1000 }),
        fc.array(fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null }), {
          minLength: 1,
          maxLength: 6,
        }),
        (topic, partition, values) => {
          const encoder = esmEncoder(servers);
          const records: SerializedRecord[] = values.map((value, i) => {
            const record = converted(
              kafkaRecord({
                topic,
                partition,
                offset: String(i),
                value: value === null ? null : Buffer.from(value),
              }),
            );
            return { record, ...encoder.element(record) };
          });
          const [item] = planPartitionBatches(records, {
            maxRecords: 100,
            maxPayloadBytes: 6_291_456,
            frame: encoder.frame(topic, partition),
          });
          assert.equal(item.kind, 'batch');
          const { payload, payloadBytes } = item.batch;
          assert.equal(payload.byteLength, payloadBytes);
          const event = JSON.parse(Buffer.from(payload).toString('utf8'));
          assert.equal(event.eventSource, 'SelfManagedKafka');
          assert.equal(event.bootstrapServers, servers.join(','));
          assert.deepEqual(Object.keys(event.records), [`${topic}-${partition}`]);
          const sent = event.records[`${topic}-${partition}`] as Array<Record<string, unknown>>;
          assert.deepEqual(
            sent.map((r) =>
              r.value === undefined ? null : [...Buffer.from(r.value as string, 'base64')],
            ),
            values.map((v) => (v === null ? null : [...v])),
          );
        },
      ),
    );
  });

  it('cuts a batch so that the whole event, frame included, stays under the limit', () => {
    const encoder = esmEncoder(servers);
    const frame = esmFrame(servers, 'orders', 0);
    const records: SerializedRecord[] = [0, 1, 2].map((i) => {
      const record = converted(kafkaRecord({ partition: 0, offset: String(i) }));
      return { record, ...encoder.element(record) };
    });
    // Room for two elements and their comma inside the frame, not three.
    const limit = frame.bytes + records[0].bytes + 1 + records[1].bytes;
    const plan = planPartitionBatches(records, { maxRecords: 10, maxPayloadBytes: limit, frame });
    assert.deepEqual(
      plan.map((p) => (p.kind === 'batch' ? p.batch.records.length : 'oversized')),
      [2, 1],
    );
    for (const p of plan) if (p.kind === 'batch') assert.ok(p.batch.payloadBytes <= limit);
  });

  it('treats a record whose event alone passes the limit as oversized', () => {
    const encoder = esmEncoder(servers);
    const frame = esmFrame(servers, 'orders', 0);
    const record = converted(kafkaRecord({ partition: 0 }));
    const element = encoder.element(record);
    const plan = planPartitionBatches([{ record, ...element }], {
      maxRecords: 10,
      maxPayloadBytes: frame.bytes + element.bytes - 1,
      frame,
    });
    assert.equal(plan[0].kind, 'oversized');
  });
});
