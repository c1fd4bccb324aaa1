import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda, startSink } from '../support/sink';

describe('topics.regex', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('consumes every whole-name match, and picks up matching topics created after the start', async () => {
    const prefix = uniqueName('rx');
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    const early = await createTopic(`${prefix}.orders`);
    const unrelated = await createTopic(`other.${prefix}.orders`);
    await produce(early, [{ value: 'early' }]);
    await produce(unrelated, [{ value: 'unrelated' }]);
    const sink = await startSink(
      sinkProperties(lambda, {
        'topics.regex': `${prefix}\\..*`,
        'aws.lambda.function.name': fn,
        'consumer.override.metadata.max.age.ms': '500',
      }),
    );
    const values = () =>
      recordInvocations(lambda, fn).flatMap((i) =>
        (i.event as Array<{ payload: { value: string } }>).map((e) => e.payload.value),
      );
    try {
      assert.ok(await eventually(() => values().includes('early'), 20_000));
      const late = await createTopic(`${prefix}.refunds`);
      await produce(late, [{ value: 'late' }]);
      assert.ok(await eventually(() => values().includes('late'), 20_000), `got ${values()}`);
      await produce(early, [{ value: 'after-resubscribe' }]);
      assert.ok(await eventually(() => values().includes('after-resubscribe'), 20_000));
      assert.ok(!values().includes('unrelated'), 'a topic matching only partway is not consumed');
      assert.equal(
        values().filter((v) => v === 'early').length,
        1,
        'resubscribing repeats nothing committed',
      );
    } finally {
      await sink.stop();
    }
  });
});
