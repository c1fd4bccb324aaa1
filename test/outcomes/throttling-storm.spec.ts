import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  invokedRecords,
  recordCount,
  recordErrorsByAction,
  withSink,
} from './support/outcomes';

describe('a throttling storm (the first 50 calls answered 429)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('ends with every record invoked successfully and none in the error topic', async () => {
    const partitions = 4;
    const perPartition = 25;
    const topic = await createTopic(uniqueName('throttle'), partitions);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    lambda.setFaults(fn, { throttle: { firstN: 50, retryAfterSeconds: 0 } });
    const name = uniqueName('sink');
    await produce(
      topic,
      Array.from({ length: partitions * perPartition }, (_, i) => ({
        value: `v${i}`,
        partition: i % partitions,
      })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '5',
        // `log` would put any record given up on into the error topic, so an empty one proves none was.
        'behavior.on.error': 'log',
        // Enough retries to outlast the storm even if one partition meets all 50 throttles.
        'aws.lambda.max.retries': '60',
        'aws.lambda.retry.backoff.max.ms': '40',
      }),
      async (engine) => {
        const all = Object.fromEntries(
          Array.from({ length: partitions }, (_, p) => [p, perPartition]),
        );
        await expectCommitted(`connect-${name}`, topic, all);
        const throttled = lambda.invocationsOf(fn).filter((i) => i.statusCode === 429).length;
        assert.equal(throttled, 50, 'the storm happened');
        const retries = await engine.metrics.registry
          .getSingleMetric('lambda_sink_invocation_retries_total')
          ?.get();
        assert.equal(retries?.values[0]?.value, 50, 'each throttled call was retried');
        assert.deepEqual(await recordErrorsByAction(engine), {});
      },
    );
    const succeeded = lambda
      .invocationsOf(fn)
      .filter((i) => i.statusCode === 200)
      .flatMap((i) =>
        (i.event as Array<{ payload: { partition: number; offset: number } }>).map(
          (e) => `${e.payload.partition}@${e.payload.offset}`,
        ),
      );
    assert.equal(
      new Set(succeeded).size,
      partitions * perPartition,
      'every record invoked successfully',
    );
    assert.equal(succeeded.length, partitions * perPartition, 'and only once');
    assert.ok(
      invokedRecords(lambda, fn).length > succeeded.length,
      'throttled calls carried records too',
    );
    assert.equal(await recordCount(`${name}-error`), 0, 'no record in the error topic');
  });
});
