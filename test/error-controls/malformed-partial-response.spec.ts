import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { committedOf, pause, withSink } from '../outcomes/support/outcomes';

describe('a malformed partial batch response', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda({
      // Names a record that is not in the batch: a mistake, never a success.
      'names-a-stranger': async () => ({
        batchItemFailures: [{ itemIdentifier: 'some-other-topic-0@7' }],
      }),
    });
  });
  after(() => lambda.close());

  it('is a function error of the whole batch: behavior.on.error=fail stops the partition and says why', async () => {
    const topic = await createTopic(uniqueName('malformed'));
    const name = uniqueName('sink');
    await produce(topic, [{ value: 'a' }, { value: 'b' }]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'names-a-stranger',
        'aws.lambda.response.partial.batch': 'true',
      }),
      async (engine) => {
        let failed = engine.status.failedPartitions();
        for (let i = 0; i < 100 && failed.length === 0; i++) {
          await pause(100);
          failed = engine.status.failedPartitions();
        }
        assert.equal(failed.length, 1, 'the partition stopped');
        assert.match(
          failed[0].trace ?? '',
          /partial batch response that cannot be read.*names "some-other-topic-0@7", which is not a record of this batch/,
        );
      },
    );
    assert.equal(await committedOf(`connect-${name}`, topic), -1, 'nothing committed past it');
  });
});
