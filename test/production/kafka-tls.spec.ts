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
import {
  mtlsBootstrapServers,
  relay,
  sslBootstrapServers,
  STORE_PASSWORD,
  tlsFile,
  tlsUnavailable,
} from './kafka-tls';

/**
 * Runs a sink over three records with these connection settings and checks that the consumer
 * read them, the reporter wrote their results and the offsets were committed.
 */
async function sinkWorksWith(lambda: LambdaLocal, connection: Record<string, string>) {
  const topic = await createTopic(uniqueName('tls'));
  const resultTopic = uniqueName('tls-results');
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event) => (event as unknown[]).map(() => 'ok'));
  await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
  const properties = sinkProperties(lambda, {
    topics: topic,
    'aws.lambda.function.name': fn,
    'reporter.result.topic.name': resultTopic,
    'reporter.error.topic.name': '',
    ...connection,
  });
  const sink = await startSink(properties);
  try {
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 3));
    assert.equal((await consumeAll(resultTopic, 3)).length, 3, 'results written over TLS');
    assert.ok(
      await eventually(
        async () => (await committedOffsets(`connect-${properties.name}`, topic)).get(0) === 3,
      ),
      'offsets committed over TLS',
    );
  } finally {
    await sink.stop();
  }
}

/** The error a sink with these connection settings fails to start with. */
async function startupError(lambda: LambdaLocal, connection: Record<string, string>) {
  const topic = await createTopic(uniqueName('tls-fail'));
  const engine = new LambdaSinkEngine(
    optionsFromConnectProperties(
      sinkProperties(lambda, {
        topics: topic,
        'reporter.result.topic.name': uniqueName('tls-fail-results'),
        'reporter.error.topic.name': '',
        ...connection,
      }),
    ),
    new SinkMetrics(),
  );
  try {
    await engine.start();
  } catch (error) {
    return error as Error;
  } finally {
    await engine.stop();
  }
  assert.fail('the sink started');
}

describe(
  'the consumer and reporter over TLS against the real broker',
  { skip: tlsUnavailable },
  () => {
    let lambda: LambdaLocal;
    before(async () => {
      lambda = await startLambda();
    });
    after(() => lambda.close());

    it('work over SSL trusting the broker through ssl.ca.location', () =>
      sinkWorksWith(lambda, {
        'bootstrap.servers': sslBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.ca.location': tlsFile('ca.pem'),
      }));

    it('work over mutual TLS with a PEM client certificate and key', () =>
      sinkWorksWith(lambda, {
        'bootstrap.servers': mtlsBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.ca.location': tlsFile('ca.pem'),
        'ssl.certificate.location': tlsFile('client.pem'),
        'ssl.key.location': tlsFile('client.key'),
      }));

    it('work over mutual TLS with Java-style stores: a PEM truststore, PKCS12 and PEM keystores', () =>
      sinkWorksWith(lambda, {
        'bootstrap.servers': mtlsBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': tlsFile('ca.pem'),
        'ssl.keystore.type': 'PKCS12',
        'ssl.keystore.location': tlsFile('client.p12'),
        'ssl.keystore.password': STORE_PASSWORD,
        'reporter.ssl.keystore.type': 'PEM',
        'reporter.ssl.keystore.location': tlsFile('client-keystore.pem'),
      }));

    it('refuse to start when the broker’s certificate is not trusted, naming client and cause', async () => {
      const error = await startupError(lambda, {
        'bootstrap.servers': sslBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.ca.location': tlsFile('rogue-ca.pem'),
      });
      assert.match(error.message, /^the consumer could not work with Kafka at \S+ \(SSL\): /);
      assert.match(error.message, /self[- ]signed certificate|unable to (get|verify)/i);
      assert.match(error.message, /not signed by a CA the client trusts: set ssl\.ca\.location/);
    });

    it('refuse to start when the certificate names another host, unless verification is off', async () => {
      const proxy = await relay(sslBootstrapServers);
      try {
        const tls = {
          'bootstrap.servers': proxy.address,
          'security.protocol': 'SSL',
          'ssl.ca.location': tlsFile('ca.pem'),
        };
        const error = await startupError(lambda, tls);
        assert.match(
          error.message,
          /^the consumer could not work with Kafka at 127\.0\.0\.2:\d+ \(SSL\): /,
        );
        assert.match(error.message, /Hostname\/IP does not match certificate's altnames/);
        assert.match(error.message, /does not name the host the client connected to/);
        // As in Java: an empty algorithm skips the host name check (the chain is still verified).
        const topic = await createTopic(uniqueName('tls-no-hostname'));
        const sink = await startSink(
          sinkProperties(lambda, {
            topics: topic,
            ...tls,
            'ssl.endpoint.identification.algorithm': '',
            'reporter.result.topic.name': '',
            'reporter.error.topic.name': '',
          }),
        );
        await sink.stop();
      } finally {
        proxy.server.close();
      }
    });

    it('refuse to start when the broker wants a client certificate it trusts', async () => {
      const none = await startupError(lambda, {
        'bootstrap.servers': mtlsBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.ca.location': tlsFile('ca.pem'),
      });
      assert.match(none.message, /^the consumer could not work with Kafka at \S+ \(SSL\): /);
      assert.match(none.message, /the broker refused the client certificate/);
      const rogue = await startupError(lambda, {
        'bootstrap.servers': mtlsBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.ca.location': tlsFile('ca.pem'),
        'ssl.certificate.location': tlsFile('rogue-client.pem'),
        'ssl.key.location': tlsFile('rogue-client.key'),
      });
      assert.match(rogue.message, /^the consumer could not work with Kafka at \S+ \(SSL\): /);
      assert.match(rogue.message, /the broker refused the client certificate/);
    });

    it('refuse to start when the keystore password is wrong, without showing it', async () => {
      const wrong = 'wrong-keystore-password-81f3';
      const error = await startupError(lambda, {
        'bootstrap.servers': mtlsBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.ca.location': tlsFile('ca.pem'),
        'ssl.keystore.type': 'PKCS12',
        'ssl.keystore.location': tlsFile('client.p12'),
        'ssl.keystore.password': wrong,
      });
      assert.match(error.message, /^the consumer could not work with Kafka at \S+ \(SSL\): /);
      assert.match(error.message, /check ssl\.keystore\.password/);
      assert.ok(!error.message.includes(wrong) && !String(error.stack).includes(wrong));
    });

    it('name the reporter when only its TLS settings are wrong', async () => {
      const error = await startupError(lambda, {
        'bootstrap.servers': sslBootstrapServers,
        'security.protocol': 'SSL',
        'ssl.ca.location': tlsFile('ca.pem'),
        'reporter.ssl.ca.location': tlsFile('rogue-ca.pem'),
      });
      assert.match(error.message, /^the reporter could not work with Kafka at \S+ \(SSL\): /);
    });
  },
);
