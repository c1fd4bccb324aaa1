import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { optionsFromConnectProperties } from '../../libs/lambda-sink/src';
import { SinkMetrics } from '../../libs/lambda-sink/src';
import { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import { consumeAll, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda, startSink } from '../support/sink';
import { saslSslBootstrapServers, saslSslProperties, tlsUnavailable } from './kafka-tls';

const WRONG_PASSWORD = 'not-the-scram-password-3c9a';

describe('the sink on the broker’s SASL_SSL listener', { skip: tlsUnavailable }, () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512', 'PLAIN'] as const) {
    it(`consumes and reports with ${mechanism} over TLS`, async () => {
      const topic = await createTopic(uniqueName('sasl-ssl'));
      const resultTopic = uniqueName('sasl-ssl-results');
      const fn = uniqueName('fn');
      lambda.registerFunction(fn, async (event) => (event as unknown[]).map(() => mechanism));
      await produce(topic, [{ value: 'x' }, { value: 'y' }]);
      const sink = await startSink(
        sinkProperties(lambda, {
          topics: topic,
          'aws.lambda.function.name': fn,
          'bootstrap.servers': saslSslBootstrapServers,
          ...saslSslProperties(mechanism),
          // The reporter inherits servers, mechanism, credentials and CA.
          'reporter.result.topic.name': resultTopic,
          'reporter.error.topic.name': '',
        }),
      );
      try {
        assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 2));
        assert.equal((await consumeAll(resultTopic, 2)).length, 2);
      } finally {
        await sink.stop();
      }
    });
  }

  for (const [client, prefix] of [
    ['consumer', ''],
    ['reporter', 'reporter.'],
  ] as const) {
    it(`fails startup naming the ${client} and SCRAM, without the password, when it is wrong`, async () => {
      const topic = await createTopic(uniqueName('scram-wrong'));
      const engine = new LambdaSinkEngine(
        optionsFromConnectProperties(
          sinkProperties(lambda, {
            topics: topic,
            'bootstrap.servers': saslSslBootstrapServers,
            ...saslSslProperties('SCRAM-SHA-512'),
            ...(prefix ? saslSslProperties('SCRAM-SHA-512', prefix, WRONG_PASSWORD) : {}),
            ...(prefix ? {} : saslSslProperties('SCRAM-SHA-512', '', WRONG_PASSWORD)),
            'reporter.result.topic.name': uniqueName('scram-wrong-results'),
            'reporter.error.topic.name': '',
          }),
        ),
        new SinkMetrics(),
      );
      try {
        await assert.rejects(engine.start(), (error: Error) => {
          assert.match(
            error.message,
            new RegExp(`^the ${client} could not work with Kafka at \\S+ \\(SASL_SSL\\): `),
          );
          assert.match(error.message, /SASL SCRAM SHA512 authentication failed/i);
          assert.ok(!error.message.includes(WRONG_PASSWORD), 'no password in the message');
          assert.ok(!String(error.stack).includes(WRONG_PASSWORD), 'nor in the stack');
          return true;
        });
      } finally {
        await engine.stop();
      }
    });
  }
});
