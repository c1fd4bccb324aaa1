import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { connectorStatusBody } from '../../libs/lambda-sink/src/testing';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, recordCount, recordErrorsByAction, withSink } from './support/outcomes';

describe('adaptive concurrency against a function limited to 3 concurrent executions', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('lowers the in-flight limit as Lambda throttles, and loses nothing', async () => {
    const partitions = 6;
    const perPartition = 40;
    const executions = 3;
    const topic = await createTopic(uniqueName('adaptive'), partitions);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    lambda.setFaults(fn, { concurrencyLimit: { max: executions }, latencyMs: 60 });
    await produce(
      topic,
      Array.from({ length: partitions * perPartition }, (_, i) => ({
        key: `k${i % 12}`,
        value: `v${i}`,
        partition: i % partitions,
      })),
    );
    const name = uniqueName('sink');
    const limits: number[] = [];
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '5',
        // Up to 6 × 4 = 24 calls wanted at once, within partitions and across them; no fixed cap.
        'aws.lambda.ordering': 'key',
        'aws.lambda.max.in.flight.per.partition': '4',
        // `log` would put any record given up on into the error topic, so an empty one proves none was.
        'behavior.on.error': 'log',
        'aws.lambda.max.retries': '100',
      }),
      async (engine) => {
        const sampler = setInterval(() => {
          void engine.metrics.inFlightLimit.get().then((g) => limits.push(g.values[0]?.value ?? 0));
        }, 5);
        try {
          const all = Object.fromEntries(
            Array.from({ length: partitions }, (_, p) => [p, perPartition]),
          );
          await expectCommitted(`connect-${name}`, topic, all, 30_000);
        } finally {
          clearInterval(sampler);
        }
        const body = connectorStatusBody(name, engine.status, 'w');
        assert.equal(body.invocations?.adaptive, true, 'adaptive by default');
        assert.equal(typeof body.invocations?.in_flight_limit, 'number', 'a limit since throttled');
        assert.deepEqual(await recordErrorsByAction(engine), {});
      },
    );
    const throttled = lambda.invocationsOf(fn).filter((i) => i.statusCode === 429).length;
    assert.ok(throttled > 0, 'Lambda throttled');
    assert.equal(limits[0], 0, 'no limit before the first throttle');
    const lowest = Math.min(...limits.filter((l) => l > 0));
    assert.ok(
      lowest >= 1 && lowest <= executions,
      `the limit came down to what the function runs (lowest ${lowest}; samples ${limits.length})`,
    );

    const succeeded = lambda
      .invocationsOf(fn)
      .filter((i) => i.statusCode === 200)
      .flatMap((i) =>
        (i.event as Array<{ payload: { partition: number; offset: number } }>).map(
          (e) => `${e.payload.partition}@${e.payload.offset}`,
        ),
      );
    assert.equal(new Set(succeeded).size, partitions * perPartition, 'every record invoked');
    assert.equal(await recordCount(`${name}-error`), 0, 'no record in the error topic');
  });
});
