import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda, startSink } from '../support/sink';

describe('startup validation (GetFunction + DryRun)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('stops startup when the function does not exist, naming function, region and AWS error', async () => {
    const topic = await createTopic(uniqueName('validate'));
    await assert.rejects(
      startSink(
        sinkProperties(lambda, { topics: topic, 'aws.lambda.function.name': 'no-such-function' }),
      ),
      (error: Error) => {
        assert.match(error.message, /no-such-function/);
        assert.match(error.message, /us-east-1/);
        assert.match(error.message, /ResourceNotFoundException/);
        assert.match(error.message, /GetFunction/);
        return true;
      },
    );
  });

  it('stops startup when the credentials may not invoke (DryRun denied)', async () => {
    const topic = await createTopic(uniqueName('validate'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => 'ok');
    lambda.setFaults(fn, { denyInvoke: true });
    await assert.rejects(
      startSink(sinkProperties(lambda, { topics: topic, 'aws.lambda.function.name': fn })),
      (error: Error) => {
        assert.match(error.message, new RegExp(fn));
        assert.match(error.message, /DryRun/);
        assert.match(error.message, /AccessDenied/);
        return true;
      },
    );
    assert.equal(lambda.invocationsOf(fn).filter((i) => i.invocationType !== 'DryRun').length, 0);
  });

  it('is skipped with aws.lambda.validate=false', async () => {
    const topic = await createTopic(uniqueName('validate'));
    const sink = await startSink(
      sinkProperties(lambda, {
        topics: topic,
        'aws.lambda.function.name': 'not-there-yet',
        'aws.lambda.validate': 'false',
      }),
    );
    await sink.stop();
  });
});
