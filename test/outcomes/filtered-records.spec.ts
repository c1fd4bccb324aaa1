import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import type { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, invokedOffsets, withSink } from './support/outcomes';

/** Orders and plain-text pings are kept; refunds and other text are filtered out. */
const CRITERIA = JSON.stringify({
  Filters: [
    { Pattern: JSON.stringify({ value: { type: ['order'] } }) },
    { Pattern: JSON.stringify({ value: [{ prefix: 'ping' }] }) },
  ],
});

const VALUES = [
  '{"type":"order","n":0}',
  '{"type":"refund","n":1}',
  '{"type":"order","n":2}',
  'not json at all',
  'ping 4',
  '{"type":"order","n":5}',
  '{"type":"refund","n":6}',
  // The fetch ends with records no pattern matches: they must be committed all the same.
  '{"type":"refund","n":7}',
  'pong 8',
  '{"n":9}',
];
const KEPT = [0, 2, 4, 5];
const FILTERED = VALUES.length - KEPT.length;

async function filteredCount(engine: LambdaSinkEngine, topic: string): Promise<number> {
  const metric = engine.metrics.registry.getSingleMetric('lambda_sink_records_filtered_total');
  const values = (await metric?.get())?.values ?? [];
  return values
    .filter((v) => v.labels.topic === topic && v.labels.partition === '0')
    .reduce((n, v) => n + v.value, 0);
}

describe('aws.lambda.filter.criteria', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  for (const ordering of ['partition', 'key']) {
    it(`invokes only matching records, commits past the others and counts them (ordering=${ordering})`, async () => {
      const topic = await createTopic(uniqueName('filtered'));
      const fn = uniqueName('fn');
      lambda.registerFunction(fn, async () => 'ok');
      await produce(
        topic,
        VALUES.map((value, i) => ({ key: `k${i % 3}`, value })),
      );
      const name = uniqueName('sink');
      await withSink(
        sinkProperties(lambda, {
          name,
          topics: topic,
          'aws.lambda.function.name': fn,
          'aws.lambda.batch.size': '3',
          'aws.lambda.ordering': ordering,
          'aws.lambda.filter.criteria': CRITERIA,
        }),
        async (engine) => {
          await expectCommitted(`connect-${name}`, topic, { 0: VALUES.length });
          assert.equal(await filteredCount(engine, topic), FILTERED);
        },
      );
      assert.deepEqual(
        [...invokedOffsets(lambda, fn)].sort((a, b) => a - b),
        KEPT,
      );
    });
  }
});
