import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { bootstrapServers, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, readTopic, recordCount, withSink } from '../outcomes/support/outcomes';

interface EsmEvent {
  eventSource: string;
  bootstrapServers: string;
  records: Record<string, Array<Record<string, unknown>>>;
}

/** What examples/functions/esm-orders.mjs answers. */
interface OrdersAnswer {
  orders: Array<{
    topicPartition: string;
    offset: number;
    key: string | null;
    id: number;
    total: number;
    channel: string | null;
  }>;
  revenue: number;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('aws.lambda.payload.format=esm', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it("runs a function written for AWS's Kafka trigger unchanged, on the raw bytes", async () => {
    const topic = await createTopic(uniqueName('esm-orders'));
    const first = '{"id":1,"total":10}';
    const second = '{ "id": 2, "total": 5 }';
    await produce(topic, [
      { key: 'o-1', value: first, headers: { channel: 'web' } },
      { key: null, value: second },
      { key: 'o-3', value: null },
    ]);
    const name = uniqueName('sink');
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'esm-orders',
        'aws.lambda.payload.format': 'esm',
        // Converters do not touch the ESM payload: AWS sends the bytes as produced.
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'false',
      }),
      async () => {
        await expectCommitted(`connect-${name}`, topic, { 0: 3 });
        assert.ok(await eventually(async () => (await recordCount(`${name}-success`)) >= 3));
      },
    );

    const events = recordInvocations(lambda, 'esm-orders').map((i) => i.event as EsmEvent);
    assert.ok(events.length > 0);
    for (const event of events) {
      assert.equal(event.eventSource, 'SelfManagedKafka');
      assert.equal(event.bootstrapServers, bootstrapServers);
      assert.deepEqual(Object.keys(event.records), [`${topic}-0`]);
    }
    const records = events.flatMap((e) => e.records[`${topic}-0`]);
    assert.deepEqual(
      records.map((r) => r.offset),
      [0, 1, 2],
    );
    assert.deepEqual(records[0], {
      topic,
      partition: 0,
      offset: 0,
      timestamp: records[0].timestamp,
      timestampType: 'CREATE_TIME',
      key: base64('o-1'),
      value: base64(first),
      headers: [{ channel: [...Buffer.from('web')] }],
    });
    assert.equal(typeof records[0].timestamp, 'number');
    // A null key is left out, as AWS leaves it out; so is a tombstone's value.
    assert.equal('key' in records[1], false);
    assert.equal(records[1].value, base64(second));
    assert.equal(records[2].key, base64('o-3'));
    assert.equal('value' in records[2], false);

    // The function's answer is about its whole batch: each record's result is all of it.
    const results = await readTopic(`${name}-success`, 3);
    const answers = results.map(
      (r) => JSON.parse(String(r.value)) as { offset: number; value: OrdersAnswer },
    );
    const orders = new Map(answers.flatMap((a) => a.value.orders).map((o) => [o.offset, o]));
    assert.deepEqual(
      [...orders.values()].sort((a, b) => a.offset - b.offset),
      [
        { topicPartition: `${topic}-0`, offset: 0, key: 'o-1', id: 1, total: 10, channel: 'web' },
        { topicPartition: `${topic}-0`, offset: 1, key: null, id: 2, total: 5, channel: null },
      ],
    );
    for (const answer of answers) {
      const batch = events.find((e) =>
        e.records[`${topic}-0`].some((r) => r.offset === answer.offset),
      );
      const invoked = batch?.records[`${topic}-0`].filter((r) => r.value !== undefined).length;
      assert.equal(
        answer.value.orders.length,
        invoked,
        `result of offset ${answer.offset} is its batch's answer`,
      );
    }
  });
});
