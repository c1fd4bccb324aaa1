import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { envVarName } from './env-properties';
import { loadConnectProperties, loadLambdaSinkOptions } from './property-sources';
import { writeTempFiles } from './test-properties';

// The Confluent documentation's property-based example, completed with what it leaves open.
const CONFLUENT_EXAMPLE = `
# Confluent's example, unchanged apart from the required values
name=LambdaSinkConnector
connector.class=io.confluent.connect.aws.lambda.AwsLambdaSinkConnector
tasks.max=1

topics=orders

aws.lambda.function.name=process-orders
aws.lambda.invocation.type=sync
aws.lambda.batch.size=50

behavior.on.error=fail

confluent.topic.bootstrap.servers=localhost:9092
confluent.topic.replication.factor=1
bootstrap.servers = localhost:9092
`;

const REST_EXAMPLE = {
  name: 'LambdaSinkConnector',
  config: {
    'connector.class': 'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector',
    'tasks.max': '1',
    topics: 'orders',
    'aws.lambda.function.name': 'process-orders',
    'aws.lambda.invocation.type': 'sync',
    'aws.lambda.batch.size': 50,
    'aws.lambda.validate': false,
    'behavior.on.error': 'fail',
    'confluent.topic.bootstrap.servers': 'localhost:9092',
    'confluent.topic.replication.factor': '1',
    'bootstrap.servers': 'localhost:9092',
  },
};

function loadError(run: () => unknown): ConfigValidationError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error;
  }
  assert.fail('expected a ConfigValidationError');
}

describe('loadConnectProperties', () => {
  it('reads the Confluent documentation example as a .properties file', () => {
    const { 'sink.properties': file } = writeTempFiles({ 'sink.properties': CONFLUENT_EXAMPLE });
    const properties = loadConnectProperties({ file, env: {} });
    assert.equal(properties['aws.lambda.batch.size'], '50');
    assert.equal(properties['bootstrap.servers'], 'localhost:9092');

    const options = loadLambdaSinkOptions({ file, env: {} });
    assert.equal(options.name, 'LambdaSinkConnector');
    assert.equal(options.connectorClass, 'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector');
    assert.equal(options.lambda.batchSize, 50);
    assert.equal(options.groupId, 'connect-LambdaSinkConnector');
    assert.deepEqual(options.reporter.connection.bootstrapServers, ['localhost:9092']);
    assert.equal(options.reporter.resultTopicReplicationFactor, 1);
    assert.equal(options.reporter.resultTopic, 'LambdaSinkConnector-success');
    assert.deepEqual(options.warnings, []);
  });

  it('reads a Connect REST JSON file, taking the name from outside "config"', () => {
    const { 'connector.json': file } = writeTempFiles({
      'connector.json': JSON.stringify(REST_EXAMPLE),
    });
    const properties = loadConnectProperties({ file, env: {} });
    assert.equal(properties.name, 'LambdaSinkConnector');
    assert.equal(properties['aws.lambda.batch.size'], '50', 'numbers are stringified');
    assert.equal(properties['aws.lambda.validate'], 'false', 'booleans are stringified');
    assert.equal(loadLambdaSinkOptions({ file, env: {} }).lambda.validate, false);
  });

  it('reads a flat JSON object of properties, whatever the file extension', () => {
    const flat = {
      name: 'flat-sink',
      ...REST_EXAMPLE.config,
      topics: ['a', 'b'],
      'errors.log.enable': null,
    };
    const { 'sink.conf': file } = writeTempFiles({ 'sink.conf': JSON.stringify(flat, null, 2) });
    const properties = loadConnectProperties({ file, env: {} });
    assert.equal(properties.name, 'flat-sink');
    assert.equal(properties.topics, 'a,b');
    assert.equal('errors.log.enable' in properties, false, 'null means unset');
  });

  it('rejects a REST file whose two names differ, and values that are objects', () => {
    const body = {
      name: 'outer',
      config: { ...REST_EXAMPLE.config, name: 'inner', transforms: { x: 1 } },
    };
    const { 'c.json': file } = writeTempFiles({ 'c.json': JSON.stringify(body) });
    const error = loadError(() => loadConnectProperties({ file, env: {} }));
    assert.deepEqual(
      error.problems.map((p) => p.property),
      ['transforms', 'name'],
    );
  });

  it('reports a missing or malformed file as a configuration problem', () => {
    const missing = loadError(() =>
      loadConnectProperties({ file: '/nonexistent/sink.properties', env: {} }),
    );
    assert.equal(missing.problems[0].property, 'config file');
    assert.equal(missing.problems[0].value, '"/nonexistent/sink.properties"');
    const { 'bad.json': file } = writeTempFiles({ 'bad.json': '{"name": ' });
    assert.match(
      loadError(() => loadConnectProperties({ file, env: {} })).message,
      /is not valid JSON/,
    );
  });

  it('describes a JSON syntax error without quoting the file, which may hold secrets', () => {
    const files = writeTempFiles({
      'a.json': '{\n  "aws.secret.access.key": SECRET-1\n}',
      'b.json': '{\n  "aws.secret.access.key": "SECRET-2" "x"\n}',
      'c.json': '{"sasl.jaas.config": "SECRET-3',
    });
    const messages = Object.values(files).map(
      (file) => loadError(() => loadConnectProperties({ file, env: {} })).message,
    );
    for (const message of messages) assert.ok(!message.includes('SECRET'), message);
    assert.match(messages[1], /Expected ',' or '}' after property value at line 2, column 39/);
  });

  it('names the property and line of a malformed \\u escape, and quotes none of its value', () => {
    const { 'sink.properties': file } = writeTempFiles({
      'sink.properties':
        'name=sink\n# a comment\nssl.key.password=SE\\uZZZZCRET\n' +
        'aws.lambda.function.name=fn, \\\n  more\\u12\n',
    });
    const error = loadError(() => loadConnectProperties({ file, env: {} }));
    assert.deepEqual(
      error.problems.map((p) => [p.property, p.value]),
      [
        ['ssl.key.password', '[hidden]'],
        ['aws.lambda.function.name', '[hidden]'],
      ],
    );
    assert.match(error.problems[0].message, /malformed \\u escape on line 3 of .*sink\.properties/);
    assert.match(error.problems[1].message, /on line 5 of/);
    assert.ok(!/SE|CRET|ZZZZ|more|u12/.test(error.message), error.message);
  });

  it('lets the environment override the file, mapping variables back to property names', () => {
    const { 'sink.properties': file } = writeTempFiles({ 'sink.properties': CONFLUENT_EXAMPLE });
    const env = {
      LAMBDA_SINK_AWS_LAMBDA_BATCH_SIZE: '5',
      LAMBDA_SINK_AWS_LAMBDA_FUNCTION_NAME: 'other-function',
      LAMBDA_SINK_CONSUMER_OVERRIDE_AUTO_OFFSET_RESET: 'latest',
      LAMBDA_SINK_REPORTER_RESULT_TOPIC_NAME: '',
      LAMBDA_SINK_MY_CUSTOM_SETTING: 'x',
      AWS_REGION: 'us-east-1',
    };
    const properties = loadConnectProperties({ file, env });
    assert.equal(properties['aws.lambda.batch.size'], '5');
    assert.equal(properties['aws.lambda.function.name'], 'other-function');
    assert.equal(properties['my.custom.setting'], 'x', 'unknown names: lower case, _ → .');
    assert.equal(properties.AWS_REGION, undefined);

    const options = loadLambdaSinkOptions({ file, env });
    assert.equal(options.lambda.batchSize, 5);
    assert.equal(options.autoOffsetReset, 'latest');
    assert.equal(options.reporter.resultTopic, undefined, 'an empty variable disables the topic');
    assert.deepEqual(options.warnings, [
      'unknown property LAMBDA_SINK_MY_CUSTOM_SETTING is ignored (check the spelling)',
    ]);
  });

  it('takes the file from LAMBDA_SINK_CONFIG, or reads the environment alone', () => {
    const { 'sink.properties': file } = writeTempFiles({ 'sink.properties': CONFLUENT_EXAMPLE });
    assert.equal(
      loadConnectProperties({ env: { LAMBDA_SINK_CONFIG: file } }).name,
      'LambdaSinkConnector',
    );
    const env = { LAMBDA_SINK_NAME: 'env-only', LAMBDA_SINK_TOPICS: 't' };
    assert.deepEqual(loadConnectProperties({ env }), { name: 'env-only', topics: 't' });
  });

  it('names the variable in problems with values from the environment', () => {
    const { 'sink.properties': file } = writeTempFiles({ 'sink.properties': CONFLUENT_EXAMPLE });
    const env = { [envVarName('aws.lambda.batch.size')]: '0' };
    const error = loadError(() => loadLambdaSinkOptions({ file, env }));
    assert.deepEqual(error.problems, [
      {
        property: 'LAMBDA_SINK_AWS_LAMBDA_BATCH_SIZE',
        value: '"0"',
        message: 'must be an integer >= 1',
      },
    ]);
  });
});
