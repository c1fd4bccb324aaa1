import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, readTopic, recordCount, withSink } from './support/outcomes';
import { createLimitedTopic } from './support/topics';

const limits = [
  { label: "Kafka's default 1 MB", bytes: 1_048_588 },
  { label: 'a lowered 400 KB', bytes: 400_000 },
];

describe("the result topic, when one batch's results together exceed the topic's max.message.bytes", () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  for (const limit of limits) {
    it(`still gets every result, in order, with ${limit.label} (each record fits; only their sum does not)`, async () => {
      const topic = await createTopic(uniqueName('result-large'));
      const name = uniqueName('sink');
      const resultTopic = await createLimitedTopic(`${name}-success`, limit.bytes);
      // examples/functions/echo.js answers with the event itself: one 150 KB result per record.
      const fn = 'echo';
      const total = 12;
      await produce(
        topic,
        Array.from({ length: total }, (_, i) => ({
          key: `k${i}`,
          value: `${i}`.padEnd(150_000, '.'),
        })),
      );
      await withSink(
        sinkProperties(lambda, { name, topics: topic, 'aws.lambda.function.name': fn }),
        async (engine) => {
          await expectCommitted(`connect-${name}`, topic, { 0: total });
          assert.ok(await eventually(async () => (await recordCount(resultTopic)) >= total));
          assert.equal(engine.status.failedPartitions().length, 0);
        },
      );
      assert.equal(await recordCount(resultTopic), total, 'each result written once');
      const results = await readTopic(resultTopic, total);
      assert.deepEqual(
        results.map((r) => String(r.key)),
        Array.from({ length: total }, (_, i) => `k${i}`),
        'in offset order',
      );
    });
  }
});
