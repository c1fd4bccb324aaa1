import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import type { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda, startSink } from '../support/sink';

/** Runs a sink over `messages` with the given converter properties; returns the events Lambda got. */
async function deliveredPayload(
  lambda: LambdaLocal,
  converterProps: Record<string, string>,
  messages: Parameters<typeof produce>[1],
): Promise<unknown[]> {
  const topic = await createTopic(uniqueName('payload'));
  const functionName = uniqueName('fn');
  lambda.registerFunction(functionName, async () => 'ok');
  await produce(topic, messages);
  let sink: LambdaSinkEngine | undefined;
  try {
    sink = await startSink(
      sinkProperties(lambda, {
        topics: topic,
        'aws.lambda.function.name': functionName,
        'reporter.result.topic.name': '',
        'reporter.error.topic.name': '',
        ...converterProps,
      }),
    );
    const received = () => lambda.invocationsOf(functionName).flatMap((i) => i.event as unknown[]);
    assert.ok(
      await eventually(() => received().length >= messages.length),
      'records reached Lambda',
    );
    return received().map((e) => (e as { payload: unknown }).payload);
  } finally {
    await sink?.stop();
  }
}

describe('the payload Lambda receives', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('is the Confluent format with StringConverter: strings, headers as one-entry objects, nulls kept', async () => {
    const [first, tombstone] = await deliveredPayload(lambda, {}, [
      { key: 'k1', value: 'héllo', headers: { h1: 'v1', h2: 'v2' }, timestamp: '1562844607000' },
      { key: null, value: null, timestamp: '1562844608000' },
    ]);
    const payload = first as Record<string, unknown>;
    assert.deepEqual(Object.keys(payload), [
      'topic',
      'partition',
      'offset',
      'key',
      'value',
      'headers',
      'timestamp',
    ]);
    assert.equal(payload.partition, 0);
    assert.equal(payload.offset, 0);
    assert.equal(payload.key, 'k1');
    assert.equal(payload.value, 'héllo');
    assert.deepEqual(payload.headers, [{ h1: 'v1' }, { h2: 'v2' }]);
    assert.equal(payload.timestamp, 1562844607000);
    assert.deepEqual(tombstone, {
      topic: payload.topic,
      partition: 0,
      offset: 1,
      key: null,
      value: null,
      headers: [],
      timestamp: 1562844608000,
    });
  });

  it('carries parsed JSON with JsonConverter, primitives and objects alike', async () => {
    const events = await deliveredPayload(
      lambda,
      {
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'false',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'false',
      },
      [
        { key: '42', value: '{"order":7,"items":["a","b"]}' },
        { key: '"text"', value: 'true' },
      ],
    );
    const [a, b] = events as Array<Record<string, unknown>>;
    assert.equal(a.key, 42);
    assert.deepEqual(a.value, { order: 7, items: ['a', 'b'] });
    assert.equal(b.key, 'text');
    assert.equal(b.value, true);
  });

  it('unwraps the {schema, payload} envelope when schemas.enable=true', async () => {
    const [event] = await deliveredPayload(
      lambda,
      {
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'true',
      },
      [
        {
          key: 'k',
          value: JSON.stringify({ schema: { type: 'struct' }, payload: { id: 1, name: 'x' } }),
        },
      ],
    );
    assert.deepEqual((event as Record<string, unknown>).value, { id: 1, name: 'x' });
    assert.equal((event as Record<string, unknown>).key, 'k');
  });

  it('sends base64 with ByteArrayConverter', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const [event] = await deliveredPayload(
      lambda,
      {
        'key.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
        'value.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
      },
      [{ key: Buffer.from('key'), value: bytes }],
    );
    assert.equal((event as Record<string, unknown>).value, bytes.toString('base64'));
    assert.equal((event as Record<string, unknown>).key, Buffer.from('key').toString('base64'));
  });
});
