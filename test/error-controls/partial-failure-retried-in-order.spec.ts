import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, readTopic, recordCount, withSink } from '../outcomes/support/outcomes';

interface Element {
  payload: { topic: string; partition: number; offset: number };
}

describe('a partial failure with aws.lambda.function.error.retries', () => {
  let lambda: LambdaLocal;
  const seen = new Set<string>();
  before(async () => {
    lambda = await startLambda({
      // Fails offset 2 the first time it sees it (AWS's identifier object), then succeeds.
      'flaky-at-2': async (event: unknown) => {
        const failures = (event as Element[])
          .filter(({ payload }) => payload.offset === 2)
          .filter(({ payload }) => {
            const id = `${payload.topic}-${payload.partition}@${payload.offset}`;
            const first = !seen.has(id);
            seen.add(id);
            return first;
          })
          .map(({ payload }) => ({
            itemIdentifier: {
              partition: `${payload.topic}-${payload.partition}`,
              offset: payload.offset,
            },
          }));
        return { batchItemFailures: failures };
      },
    });
  });
  after(() => lambda.close());

  it('retries from the lowest reported offset on (ordering=partition), and every record succeeds once', async () => {
    const topic = await createTopic(uniqueName('partial-retry'));
    const name = uniqueName('sink');
    await produce(
      topic,
      Array.from({ length: 5 }, (_, i) => ({ value: `v${i}` })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'flaky-at-2',
        'aws.lambda.batch.size': '5',
        'aws.lambda.response.partial.batch': 'true',
        'aws.lambda.function.error.retries': '1',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 5 });
        assert.ok(await eventually(async () => (await recordCount(`${name}-success`)) >= 5));
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );
    const calls = recordInvocations(lambda, 'flaky-at-2').map((call) =>
      (call.event as Element[]).map((e) => e.payload.offset),
    );
    assert.deepEqual(calls, [
      [0, 1, 2, 3, 4],
      [2, 3, 4],
    ]);
    const results = await readTopic(`${name}-success`, 5);
    assert.deepEqual(
      results.map((r) => (JSON.parse(String(r.value)) as { offset: number }).offset),
      [0, 1, 2, 3, 4],
      'one result per record, in offset order',
    );
    assert.equal(await recordCount(`${name}-error`), 0);
  });
});
