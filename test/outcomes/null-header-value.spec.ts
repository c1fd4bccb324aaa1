import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { NULL_HEADERS_MARKER } from '../../libs/lambda-sink/src';
import { createTopic, eventually, uniqueName, type ConsumedRecord } from '../support/kafka';
import { produceWithNullHeaders } from '../support/null-header-producer';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  invokedRecords,
  readTopic,
  recordCount,
  withSink,
} from './support/outcomes';

/** The record's `trace` header came through as the marked empty value, `origin` as it was. */
function assertNullTraceCarried(record: ConsumedRecord): void {
  assert.deepEqual(record.headers.trace, Buffer.alloc(0), 'the null header is there, empty');
  assert.deepEqual(JSON.parse(headerText(record, NULL_HEADERS_MARKER) ?? 'null'), { trace: [0] });
  assert.equal(headerText(record, 'origin'), 'o0');
}

describe('a record with a null header value', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('is invoked once, its result record carries the header, and the partition moves on', async () => {
    const topic = await createTopic(uniqueName('null-header-result'));
    const name = uniqueName('sink');
    const resultTopic = `${name}-success`;
    const fn = 'success';
    await produceWithNullHeaders(topic, [
      {
        key: 'k0',
        value: 'v0',
        headers: [
          ['trace', null],
          ['origin', 'o0'],
        ],
      },
      { key: 'k1', value: 'v1', headers: [['seq', '1']] },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '1',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 2 });
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );
    const invoked = invokedRecords(lambda, fn).filter((r) => r.topic === topic);
    assert.deepEqual(
      invoked.map((r) => r.offset),
      [0, 1],
      'each invoked once',
    );
    const [payload] = invoked as Array<{ headers?: unknown }>;
    assert.deepEqual(payload.headers, [{ trace: null }, { origin: 'o0' }], 'null for Lambda');

    assert.equal(await recordCount(resultTopic), 2);
    const [result] = (await readTopic(resultTopic, 2)).filter((r) => String(r.key) === 'k0');
    assertNullTraceCarried(result);
    const value = JSON.parse(String(result.value)) as { headers: unknown };
    assert.deepEqual(value.headers, [{ trace: null }, { origin: 'o0' }]);
  });

  it('(JsonConverter, errors.tolerance=all) lands in the dead letter queue with the header', async () => {
    const topic = await createTopic(uniqueName('null-header-dlq'));
    const name = uniqueName('sink');
    const dlq = `${name}-dlq`;
    const fn = 'success';
    await produceWithNullHeaders(topic, [
      {
        key: 'k0',
        value: '{broken',
        headers: [
          ['trace', null],
          ['origin', 'o0'],
        ],
      },
      { key: 'k1', value: '1', headers: [['seq', '1']] },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'false',
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': dlq,
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 2 });
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );
    assert.deepEqual(
      invokedRecords(lambda, fn)
        .filter((r) => r.topic === topic)
        .map((r) => r.offset),
      [1],
    );
    assert.equal(await recordCount(dlq), 1);
    const [dead] = await readTopic(dlq, 1);
    assert.equal(String(dead.value), '{broken');
    assertNullTraceCarried(dead);
    assert.equal(headerText(dead, '__connect.errors.offset'), '0');
  });

  it('(behavior.on.error=log) lands in the error topic with the header', async () => {
    const topic = await createTopic(uniqueName('null-header-error'));
    const name = uniqueName('sink');
    const errorTopic = `${name}-error`;
    const fn = 'fail-on-poison';
    await produceWithNullHeaders(topic, [
      {
        key: 'k0',
        value: 'poison',
        headers: [
          ['trace', null],
          ['origin', 'o0'],
        ],
      },
      { key: 'k1', value: 'v1', headers: [['seq', '1']] },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '1',
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 2 });
        assert.ok(await eventually(async () => (await recordCount(`${name}-success`)) >= 1));
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );
    assert.equal(await recordCount(errorTopic), 1);
    const [errored] = await readTopic(errorTopic, 1);
    assert.equal(String(errored.value), 'poison');
    assertNullTraceCarried(errored);
    assert.equal(headerText(errored, '__connect.errors.offset'), '0');
  });
});
