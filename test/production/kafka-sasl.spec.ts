import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { optionsFromConnectProperties } from '../../libs/lambda-sink/src';
import { SinkMetrics } from '../../libs/lambda-sink/src';
import { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import {
  committedOffsets,
  consumeAll,
  createTopic,
  eventually,
  produce,
  uniqueName,
} from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda, startSink } from '../support/sink';
import { spawnSink, writePropertiesFile } from '../support/sink-process';
import { saslBootstrapServers, saslPlainProperties } from './kafka-security';

const WRONG_PASSWORD = 'not-the-sink-password-7d1f';

describe('the consumer on the broker’s SASL_PLAINTEXT / PLAIN listener', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('consumes, invokes, reports and commits with the credentials from sasl.jaas.config', async () => {
    const topic = await createTopic(uniqueName('sasl'));
    const resultTopic = uniqueName('sasl-results');
    await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    const properties = sinkProperties(lambda, {
      topics: topic,
      'bootstrap.servers': saslBootstrapServers,
      ...saslPlainProperties(''),
      // The reporter inherits the servers and the SASL settings: it must log in as well.
      'reporter.result.topic.name': resultTopic,
      'reporter.error.topic.name': '',
    });
    const sink = await startSink(properties);
    try {
      assert.ok(await eventually(() => invokedRecordCount(lambda, 'success') >= 3));
      const results = await consumeAll(resultTopic, 3);
      assert.equal(results.length, 3, 'result records written through SASL');
      const groupId = `connect-${properties.name}`;
      assert.ok(
        await eventually(async () => (await committedOffsets(groupId, topic)).get(0) === 3),
        'offsets committed through SASL',
      );
    } finally {
      await sink.stop();
    }
  });

  it('fails startup with a clear error, without the password, when the password is wrong', async () => {
    const topic = await createTopic(uniqueName('sasl-wrong'));
    const engine = new LambdaSinkEngine(
      optionsFromConnectProperties(
        sinkProperties(lambda, {
          topics: topic,
          'bootstrap.servers': saslBootstrapServers,
          ...saslPlainProperties('', WRONG_PASSWORD),
          'reporter.result.topic.name': '',
          'reporter.error.topic.name': '',
        }),
      ),
      new SinkMetrics(),
    );
    try {
      await assert.rejects(engine.start(), (error: Error) => {
        assert.match(error.message, /SASL PLAIN authentication failed/);
        assert.match(
          error.message,
          /the consumer could not work with Kafka at \S+ \(SASL_PLAINTEXT\)/,
        );
        assert.match(error.message, /invalid username or password/i);
        assert.ok(!error.message.includes(WRONG_PASSWORD), 'the message holds no password');
        assert.ok(!String(error.stack).includes(WRONG_PASSWORD), 'nor does the stack');
        return true;
      });
    } finally {
      await engine.stop();
    }
  });

  it('makes the real service exit non-zero with that error, and print no password', async () => {
    const topic = await createTopic(uniqueName('sasl-wrong-service'));
    const file = writePropertiesFile(
      sinkProperties(lambda, {
        topics: topic,
        'bootstrap.servers': saslBootstrapServers,
        ...saslPlainProperties('', WRONG_PASSWORD),
        listeners: 'http://127.0.0.1:0',
      }),
    );
    const service = spawnSink(file);
    const code = await service.exited;
    const output = service.output();
    assert.notEqual(code, 0, output);
    assert.match(output, /failed to start.*SASL PLAIN authentication failed/i);
    assert.ok(!output.includes(WRONG_PASSWORD), `no password in:\n${output}`);
  });
});
