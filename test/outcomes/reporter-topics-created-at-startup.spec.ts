import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, uniqueName, withAdmin } from '../support/kafka';
import { sinkProperties, startLambda, startSink } from '../support/sink';
import { topicExists, withSink } from './support/outcomes';

async function partitionCount(topic: string): Promise<number> {
  const { topics } = await withAdmin((admin) => admin.fetchTopicMetadata({ topics: [topic] }));
  return topics[0].partitions.length;
}

describe('the result and error topics', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('are created at startup when missing, with the configured partitions', async () => {
    const topic = await createTopic(uniqueName('reporter-topics'));
    const name = uniqueName('sink');
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'reporter.result.topic.partitions': '3',
        'reporter.error.topic.partitions': '2',
      }),
      async () => {
        assert.equal(await partitionCount(`${name}-success`), 3);
        assert.equal(await partitionCount(`${name}-error`), 2);
      },
    );
  });

  it('stop startup with a clear error, not a hang, when the replication factor is larger than the cluster', async () => {
    const topic = await createTopic(uniqueName('reporter-topics'));
    const name = uniqueName('sink');
    const started = Date.now();
    await assert.rejects(
      startSink(
        sinkProperties(lambda, {
          name,
          topics: topic,
          'reporter.error.topic.replication.factor': '3',
        }),
      ),
      (error: Error) => {
        assert.match(error.message, new RegExp(`${name}-error`));
        assert.match(error.message, /replication factor 3/);
        assert.match(error.message, /1 broker/);
        assert.match(error.message, /replication\.factor/);
        return true;
      },
    );
    assert.ok(Date.now() - started < 10_000, 'fails fast');
    assert.equal(await topicExists(`${name}-error`), false);
  });
});
