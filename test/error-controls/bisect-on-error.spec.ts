import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { bisectInvocationBound } from '../../libs/lambda-sink/src/testing';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  readTopic,
  recordCount,
  withSink,
} from '../outcomes/support/outcomes';

const RECORDS = 32;
const BATCH = 16;
const POISON = [5, 21];

describe('aws.lambda.bisect.on.error=true', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  for (const ordering of ['partition', 'key', 'none']) {
    it(`isolates the poison records within the invocation bound (ordering=${ordering})`, async () => {
      // The example function throws for a whole batch when any record of it holds "poison".
      const fn = 'fail-on-poison';
      const topic = await createTopic(uniqueName(`bisect-${ordering}`));
      const name = uniqueName('sink');
      await produce(
        topic,
        Array.from({ length: RECORDS }, (_, i) => ({
          key: `k${i % 4}`,
          value: POISON.includes(i) ? `poison ${i}` : `v${i}`,
        })),
      );
      const callsBefore = recordInvocations(lambda, fn).length;
      await withSink(
        sinkProperties(lambda, {
          name,
          topics: topic,
          'aws.lambda.function.name': fn,
          'aws.lambda.batch.size': String(BATCH),
          'aws.lambda.ordering': ordering,
          'aws.lambda.bisect.on.error': 'true',
          'behavior.on.error': 'log',
        }),
        async () => {
          await expectCommitted(`connect-${name}`, topic, { 0: RECORDS });
          assert.ok(
            await eventually(
              async () => (await recordCount(`${name}-success`)) >= RECORDS - POISON.length,
            ),
          );
        },
      );

      const errors = await readTopic(`${name}-error`, POISON.length);
      assert.deepEqual(
        errors.map((r) => Number(headerText(r, '__connect.errors.offset'))).sort((a, b) => a - b),
        POISON,
        'only the poison records reach behavior.on.error',
      );
      assert.equal(await recordCount(`${name}-error`), POISON.length);
      assert.equal(await recordCount(`${name}-success`), RECORDS - POISON.length);
      const calls = recordInvocations(lambda, fn).slice(callsBefore);
      const firstCalls = RECORDS / BATCH;
      const extra = calls.length - firstCalls;
      assert.ok(
        extra <= bisectInvocationBound(POISON.length, BATCH),
        `${extra} extra invocations, bound ${bisectInvocationBound(POISON.length, BATCH)}`,
      );
      assert.ok(extra > 0, 'the batches were split');
    });
  }
});
