import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, recordCount, recordErrorsByAction, withSink } from './support/outcomes';

describe('a burst of 5xx answers from Lambda', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  for (const status of [500, 503] as const) {
    it(`(${status}) is retried until every record is invoked, with none in the error topic`, async () => {
      const topic = await createTopic(uniqueName(`server-error-${status}`), 2);
      const fn = uniqueName('fn');
      lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
      lambda.setFaults(fn, { serverError: { firstN: 8, status } });
      const name = uniqueName('sink');
      await produce(
        topic,
        Array.from({ length: 20 }, (_, i) => ({ value: `v${i}`, partition: i % 2 })),
      );
      await withSink(
        sinkProperties(lambda, {
          name,
          topics: topic,
          'aws.lambda.function.name': fn,
          'aws.lambda.batch.size': '4',
          'behavior.on.error': 'log',
        }),
        async (engine) => {
          await expectCommitted(`connect-${name}`, topic, { 0: 10, 1: 10 });
          assert.deepEqual(await recordErrorsByAction(engine), {});
        },
      );
      const answered = lambda.invocationsOf(fn);
      assert.equal(answered.filter((i) => i.statusCode === status).length, 8, 'the burst happened');
      const succeeded = answered
        .filter((i) => i.statusCode === 200)
        .flatMap((i) =>
          (i.event as Array<{ payload: { partition: number; offset: number } }>).map(
            (e) => `${e.payload.partition}@${e.payload.offset}`,
          ),
        );
      assert.equal(new Set(succeeded).size, 20, 'every record invoked successfully');
      assert.equal(await recordCount(`${name}-error`), 0);
      assert.equal(await recordCount(`${name}-success`), 20);
    });
  }
});
