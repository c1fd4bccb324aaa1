import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { optionsFromConnectProperties } from '../../libs/lambda-sink/src';
import { SinkMetrics } from '../../libs/lambda-sink/src';
import { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import { consumeAll, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda, startSink } from '../support/sink';
import {
  plaintextBootstrapServers,
  saslBootstrapServers,
  saslPlainProperties,
} from './kafka-security';

/** Runs a sink over two records and returns what its result topic received. */
async function resultsThrough(
  lambda: LambdaLocal,
  security: Record<string, string>,
): Promise<number> {
  const topic = await createTopic(uniqueName('reporter-sec'));
  const resultTopic = uniqueName('reporter-sec-results');
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event) => (event as unknown[]).map(() => 'done'));
  await produce(topic, [{ value: 'x' }, { value: 'y' }]);
  const sink = await startSink(
    sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'reporter.result.topic.name': resultTopic,
      'reporter.error.topic.name': '',
      ...security,
    }),
  );
  try {
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 2));
    return (await consumeAll(resultTopic, 2)).length;
  } finally {
    await sink.stop();
  }
}

describe('reporter.* security, independent of the consumer’s', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('writes results over SASL while the consumer reads over PLAINTEXT', async () => {
    const written = await resultsThrough(lambda, {
      'bootstrap.servers': plaintextBootstrapServers,
      'reporter.bootstrap.servers': saslBootstrapServers,
      ...saslPlainProperties('reporter.'),
    });
    assert.equal(written, 2);
  });

  it('writes results over PLAINTEXT while the consumer reads over SASL', async () => {
    const written = await resultsThrough(lambda, {
      'bootstrap.servers': saslBootstrapServers,
      ...saslPlainProperties(''),
      'reporter.bootstrap.servers': plaintextBootstrapServers,
      'reporter.security.protocol': 'PLAINTEXT',
    });
    assert.equal(written, 2);
  });

  it('fails startup when only the reporter’s password is wrong, without printing it', async () => {
    const wrong = 'wrong-reporter-password-5b2e';
    const topic = await createTopic(uniqueName('reporter-wrong'));
    const engine = new LambdaSinkEngine(
      optionsFromConnectProperties(
        sinkProperties(lambda, {
          topics: topic,
          'bootstrap.servers': saslBootstrapServers,
          ...saslPlainProperties(''),
          'reporter.result.topic.name': uniqueName('reporter-wrong-results'),
          ...saslPlainProperties('reporter.', wrong),
        }),
      ),
      new SinkMetrics(),
    );
    try {
      await assert.rejects(engine.start(), (error: Error) => {
        assert.match(error.message, /SASL PLAIN authentication failed/);
        assert.match(
          error.message,
          /the reporter could not work with Kafka at \S+ \(SASL_PLAINTEXT\)/,
        );
        assert.ok(!error.message.includes(wrong));
        return true;
      });
    } finally {
      await engine.stop();
    }
  });
});
