import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda, startSink } from '../support/sink';

describe('an input topic that does not exist', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('stops startup with a message naming the missing topic, not a protocol error', async () => {
    const present = await createTopic(uniqueName('present'));
    const missing = uniqueName('missing');
    await assert.rejects(
      startSink(sinkProperties(lambda, { topics: `${present},${missing}` })),
      (error: Error) => {
        assert.match(error.message, new RegExp(`"${missing}" do not exist`));
        assert.doesNotMatch(error.message, new RegExp(`"${present}"`));
        return true;
      },
    );
  });
});
