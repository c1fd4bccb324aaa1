import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError, type ConfigProblem } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties, writeTempFiles } from './test-properties';

/** The error optionsFromConnectProperties throws for these properties. */
function validationErrorOf(properties: Record<string, string>): ConfigValidationError {
  try {
    optionsFromConnectProperties(properties);
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error;
  }
  assert.fail('expected a ConfigValidationError');
}

const problemsOf = (properties: Record<string, string>): ConfigProblem[] => [
  ...validationErrorOf(properties).problems,
];

const PLAIN_JAAS =
  'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="pa55word";';

describe('ConfigValidationError', () => {
  it('lists every problem of a file at once, with property names and values as written', () => {
    const properties = {
      name: 'orders-sink',
      'connector.class': 'io.confluent.connect.s3.S3SinkConnector',
      'tasks.max': '0',
      topics: 'orders',
      'topics.regex': 'orders-.*',
      'aws.lambda.invocation.type': 'sometimes',
      'aws.lambda.batch.size': 'fifty',
      'behavior.on.error': 'retry',
      'bootstrap.servers': 'localhost',
      'value.converter': 'com.example.CustomConverter',
      'errors.log.enable': 'yes',
      'confluent.topic.replication.factor': 'three',
    };
    const error = validationErrorOf(properties);
    assert.equal(error.code, 'CONFIG_INVALID');
    assert.equal(error.retryable, false);
    assert.deepEqual(
      error.problems.map((problem) => [problem.property, problem.value]),
      [
        ['connector.class', '"io.confluent.connect.s3.S3SinkConnector"'],
        ['tasks.max', '"0"'],
        ['topics', '"orders"'],
        ['value.converter', '"com.example.CustomConverter"'],
        ['errors.log.enable', '"yes"'],
        ['aws.lambda.function.name', undefined],
        ['aws.lambda.invocation.type', '"sometimes"'],
        ['aws.lambda.batch.size', '"fifty"'],
        ['behavior.on.error', '"retry"'],
        ['bootstrap.servers', '"localhost"'],
        // One alias feeding both reporter replication factors is reported once, by its own name.
        ['confluent.topic.replication.factor', '"three"'],
      ],
    );
    const lines = error.message.split('\n');
    assert.equal(lines[0], 'Invalid Lambda Sink configuration (11 problems):');
    assert.equal(lines.length, 12);
    assert.ok(lines.includes('  - tasks.max = "0": must be an integer >= 1'));
    assert.ok(lines.includes('  - topics = "orders": set either topics or topics.regex, not both'));
    assert.ok(lines.includes('  - aws.lambda.function.name (not set): is required'));
    assert.ok(
      lines.includes('  - aws.lambda.invocation.type = "sometimes": must be one of sync, async'),
    );
  });

  it('requires one of topics or topics.regex, and a regex that compiles', () => {
    const { topics: _topics, ...noTopics } = minimalProperties();
    assert.deepEqual(
      problemsOf(noTopics).map((p) => p.message),
      ['one of topics or topics.regex is required'],
    );
    const [problem] = problemsOf({ ...noTopics, 'topics.regex': 'orders-(' });
    assert.equal(problem.property, 'topics.regex');
    assert.match(problem.message, /^must be a valid regular expression \(Unterminated group\)$/);
  });

  it('accepts every form of function name and rejects others', () => {
    const valid = [
      'my-function',
      'my-function:prod',
      'my-function:7',
      'my_function:$LATEST',
      '123456789012:function:my-function',
      'arn:aws:lambda:us-east-1:123456789012:function:my-function',
      'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-function:live',
    ];
    for (const name of valid) {
      const options = optionsFromConnectProperties(
        minimalProperties({ 'aws.lambda.function.name': name }),
      );
      assert.equal(options.lambda.functionName, name);
    }
    for (const name of ['my function', 'a:b:c', 'arn:aws:s3:::bucket', 'x'.repeat(65)]) {
      const [problem] = problemsOf(minimalProperties({ 'aws.lambda.function.name': name }));
      assert.equal(problem.property, 'aws.lambda.function.name');
    }
  });

  it('requires access key id and secret together, and never shows the secret', () => {
    const problems = problemsOf(minimalProperties({ 'aws.secret.access.key': 'wJalrXUtnFEMI' }));
    assert.deepEqual(problems, [
      { property: 'aws.access.key.id', message: 'must be set together with aws.secret.access.key' },
    ]);
    const [keyOnly] = problemsOf(minimalProperties({ 'aws.access.key.id': 'AKIA1' }));
    assert.equal(keyOnly.property, 'aws.secret.access.key');
  });

  it('requires sasl.mechanism and sasl.jaas.config for SASL protocols', () => {
    const problems = problemsOf(minimalProperties({ 'security.protocol': 'SASL_SSL' }));
    assert.deepEqual(
      problems.map((p) => `${p.property}: ${p.message}`),
      [
        'sasl.mechanism: is required because security.protocol is SASL_SSL',
        'sasl.jaas.config: is required because security.protocol is SASL_SSL',
      ],
    );
  });

  it('checks the reporter security against its own protocol, falling back to the main settings', () => {
    const problems = problemsOf(
      minimalProperties({
        'reporter.security.protocol': 'SASL_PLAINTEXT',
        'reporter.sasl.mechanism': 'SCRAM-SHA-256',
        'reporter.sasl.jaas.config': PLAIN_JAAS,
      }),
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0].property, 'reporter.sasl.jaas.config');
    assert.match(
      problems[0].message,
      /PlainLoginModule, which does not match reporter\.sasl\.mechanism=SCRAM-SHA-256/,
    );
  });

  it('rejects a broken JAAS string without echoing it', () => {
    const sasl = { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'PLAIN' };
    const cases: [string, RegExp][] = [
      [
        'PlainLoginModule required username="u" password="hunter2-secret";',
        /uses a login module that is not supported/,
      ],
      [
        PLAIN_JAAS.replace('plain.PlainLoginModule', 'oauthbearer.OAuthBearerLoginModule'),
        /uses org\.apache\.kafka\.common\.security\.oauthbearer\.OAuthBearerLoginModule, which does not match sasl\.mechanism=PLAIN/,
      ],
      [PLAIN_JAAS.replace(';', ''), /cannot be parsed \(missing the closing ";"\)/],
      [
        PLAIN_JAAS.replace('pa55word"', 'hunter2-secret'),
        /cannot be parsed \(a quoted value is not closed\)/,
      ],
      [PLAIN_JAAS.replace(' password="pa55word"', ''), /must set both username and password/],
    ];
    for (const [jaas, expected] of cases) {
      const error = validationErrorOf(minimalProperties({ ...sasl, 'sasl.jaas.config': jaas }));
      assert.deepEqual(
        error.problems.map((p) => [p.property, p.value]),
        [['sasl.jaas.config', '[hidden]']],
      );
      assert.match(error.message, expected);
      assert.ok(!error.message.includes('hunter2') && !error.message.includes('pa55word'));
    }
  });

  it('never puts a secret in a message, a problem or maskedProperties', () => {
    const secrets = {
      'aws.secret.access.key': 'AWS-SECRET-1',
      'aws.session.token': 'SESSION-TOKEN-1',
      'ssl.key.password': 'KEY-PASSWORD-1',
      'reporter.ssl.key.password': 'KEY-PASSWORD-2',
      'reporter.sasl.jaas.config': 'not jaas JAAS-PASSWORD-1',
      'my.plugin.password': 'PLUGIN-PASSWORD-1',
    };
    // Make each secret invalid somehow, or its neighbour, so that messages are produced.
    const properties = minimalProperties({
      ...secrets,
      'tasks.max': 'x',
      'reporter.security.protocol': 'SASL_SSL',
    });
    const error = validationErrorOf(properties);
    const everything = JSON.stringify([error.message, error.problems]);
    for (const value of Object.values(secrets)) assert.ok(!everything.includes(value), value);

    const { 'reporter.sasl.jaas.config': _jaas, ...valid } = secrets;
    const options = optionsFromConnectProperties(
      minimalProperties({ ...valid, 'aws.access.key.id': 'AKIA1' }),
    );
    const shown = JSON.stringify([options.maskedProperties, options.warnings]);
    for (const value of Object.values(valid)) assert.ok(!shown.includes(value), value);
    assert.equal(options.maskedProperties['aws.secret.access.key'], '[hidden]');
    assert.equal(options.maskedProperties['my.plugin.password'], '[hidden]');
    assert.equal(options.maskedProperties['aws.access.key.id'], 'AKIA1');
  });

  it('checks that PEM files exist and come in certificate/key pairs', () => {
    const pem = writeTempFiles({ 'cert.pem': 'CERT' });
    const problems = problemsOf(
      minimalProperties({
        'security.protocol': 'SSL',
        'ssl.ca.location': '/nonexistent/ca.pem',
        'ssl.certificate.location': pem['cert.pem'],
      }),
    );
    assert.deepEqual(
      problems.map((p) => `${p.property}: ${p.message}`),
      [
        'ssl.ca.location: must name a readable file (ENOENT)',
        `ssl.key.location: must be set together with ssl.certificate.location (a client certificate needs both)`,
      ],
    );
  });

  it('rejects a name that makes an illegal default topic, on the topic property', () => {
    const problems = problemsOf(
      minimalProperties({ name: 'orders sink', 'reporter.error.topic.name': '' }),
    );
    assert.deepEqual(
      problems.map((p) => p.property),
      ['reporter.result.topic.name'],
    );
    assert.match(problems[0].message, /defaults to "orders sink-success"/);
  });

  it('quotes at most the first 80 characters of a value, and says how long it is', () => {
    const huge = '9'.repeat(1_000_000);
    const error = validationErrorOf(minimalProperties({ 'aws.lambda.batch.size': huge }));
    const problem = error.problems.find((p) => p.property === 'aws.lambda.batch.size');
    assert.equal(problem?.value, `"${'9'.repeat(80)}"…(1000000 chars)`);
    assert.ok(error.message.length < 500, `${error.message.length} characters`);

    const long = validationErrorOf(minimalProperties({ name: 'n'.repeat(300) }));
    assert.ok(long.message.length < 1000, long.message);
    assert.match(long.message, /"n{80}"…\(308 chars\)/, 'a default topic derived from it too');
  });

  it('checks list, URL, boolean and number formats', () => {
    const problems = problemsOf(
      minimalProperties({
        'bootstrap.servers': 'a:9092,b:99999',
        listeners: 'ftp://0.0.0.0:21',
        'aws.lambda.endpoint': 'localhost:9001',
        'aws.lambda.validate': '1',
        'aws.lambda.region': 'Europe',
        'aws.lambda.retry.backoff.ms': '500',
        'aws.lambda.retry.backoff.max.ms': '400',
        'reporter.result.topic.replication.factor': '0',
        'aws.credentials.provider.class': 'com.example.MyProvider',
      }),
    );
    assert.deepEqual(
      problems.map((p) => p.property),
      [
        'listeners',
        'aws.lambda.region',
        'aws.credentials.provider.class',
        'aws.lambda.endpoint',
        'aws.lambda.retry.backoff.max.ms',
        'aws.lambda.validate',
        'bootstrap.servers',
        'reporter.result.topic.replication.factor',
      ],
    );
  });
});
