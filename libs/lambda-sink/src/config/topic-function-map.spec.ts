import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError, formatProblem } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { optionsFromModuleOptions } from './lambda-sink-config-input';
import { minimalProperties } from './test-properties';
import { parseTopicFunctionMap } from './topic-function-map';

const multiple = (extra: Record<string, string> = {}) => {
  const properties: Record<string, string> = minimalProperties({
    topics: 'orders,payments',
    'aws.lambda.configuration.mode': 'multiple',
    'aws.lambda.topic2function.map': 'orders;process-orders,payments;process-payments:live',
  });
  delete properties['aws.lambda.function.name'];
  return { ...properties, ...extra };
};

/** The problems of a configuration that must not start, one formatted line each. */
function problemsOf(properties: Record<string, string>): string[] {
  try {
    optionsFromConnectProperties(properties);
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error.problems.map(formatProblem);
  }
  assert.fail('the configuration was accepted');
}

describe('aws.lambda.topic2function.map (Confluent Cloud syntax)', () => {
  it('reads <topic>;<function> tuples separated by commas, with versions and aliases', () => {
    const parsed = parseTopicFunctionMap(
      ' orders ; process-orders , payments;fn:live,refunds;fn:3',
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      [...parsed.functions],
      [
        ['orders', 'process-orders'],
        ['payments', 'fn:live'],
        ['refunds', 'fn:3'],
      ],
    );
  });

  it('accepts full function ARNs', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:process-orders:prod';
    assert.equal(parseTopicFunctionMap(`orders;${arn}`).functions.get('orders'), arn);
  });

  it('names each malformed entry', () => {
    const { problems } = parseTopicFunctionMap(
      'orders,payments;fn;extra,;fn,bad topic!;fn,t;bad fn',
    );
    assert.equal(problems.length, 5);
    assert.match(problems[0], /^entry "orders" is not <topic>;<function>/);
    assert.match(problems[1], /^entry "payments;fn;extra" is not <topic>;<function>/);
    assert.match(problems[2], /^entry ";fn" is not <topic>;<function>/);
    assert.match(problems[3], /^"bad topic!" is not a valid topic name/);
    assert.match(problems[4], /^"bad fn" is not a Lambda function name/);
  });

  it('refuses a topic mapped twice', () => {
    assert.match(
      parseTopicFunctionMap('orders;a,orders;b').problems[0],
      /maps topic orders more than once/,
    );
  });
});

describe('aws.lambda.configuration.mode=multiple', () => {
  it('gives every topic its own function and needs no aws.lambda.function.name', () => {
    const options = optionsFromConnectProperties(multiple());
    assert.equal(options.lambda.configurationMode, 'multiple');
    assert.equal(options.lambda.functionName, undefined);
    assert.deepEqual(options.lambda.topicFunctions, {
      orders: 'process-orders',
      payments: 'process-payments:live',
    });
    assert.deepEqual(options.warnings, []);
  });

  it('is read in any case, as Connect enumerations', () => {
    const options = optionsFromConnectProperties(
      multiple({ 'aws.lambda.configuration.mode': 'MULTIPLE' }),
    );
    assert.equal(options.lambda.configurationMode, 'multiple');
  });

  it('stops startup naming every topic of topics that has no function', () => {
    const lines = problemsOf(
      multiple({
        topics: 'orders,payments,refunds,returns',
        'aws.lambda.topic2function.map': 'orders;fn',
      }),
    );
    assert.deepEqual(lines, [
      'aws.lambda.topic2function.map = "orders;fn": has no function for topics payments, refunds, ' +
        'returns of topics (add payments;<function>,refunds;<function>,returns;<function>)',
    ]);
  });

  it('requires the map', () => {
    const properties = multiple();
    delete properties['aws.lambda.topic2function.map'];
    assert.deepEqual(problemsOf(properties), [
      'aws.lambda.topic2function.map (not set): is required because aws.lambda.configuration.mode is multiple',
    ]);
  });

  it('refuses topics.regex, whose later topics would have no function', () => {
    const properties = multiple({ 'topics.regex': 'orders|payments' });
    delete properties.topics;
    const lines = problemsOf(properties);
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^topics.regex = "orders\|payments": cannot be used with aws.lambda.configuration.mode=multiple/,
    );
  });

  it('warns about map entries for topics it does not consume, and an unused function name', () => {
    const options = optionsFromConnectProperties(
      multiple({
        'aws.lambda.topic2function.map': 'orders;a,payments;b,audit;c',
        'aws.lambda.function.name': 'leftover',
      }),
    );
    assert.deepEqual(options.warnings, [
      "aws.lambda.function.name is ignored: aws.lambda.configuration.mode is multiple, so each topic's " +
        'function comes from aws.lambda.topic2function.map',
      'aws.lambda.topic2function.map maps audit, which topics does not list; that entry is unused',
    ]);
    assert.equal(options.lambda.functionName, undefined);
  });

  it('warns when a function ARN is in another region than aws.lambda.region', () => {
    const options = optionsFromConnectProperties(
      multiple({
        'aws.lambda.region': 'eu-west-1',
        'aws.lambda.topic2function.map':
          'orders;fn,payments;arn:aws:lambda:us-east-1:123456789012:function:pay',
      }),
    );
    assert.deepEqual(options.warnings, [
      'aws.lambda.topic2function.map (topic payments) is an ARN in us-east-1 but aws.lambda.region ' +
        'is eu-west-1; Lambda rejects cross-region ARNs',
    ]);
  });

  it('is also reachable through typed options', () => {
    const options = optionsFromModuleOptions({
      name: 'orders-sink',
      topics: ['orders', 'payments'],
      kafka: { bootstrapServers: ['localhost:9092'] },
      lambda: { configurationMode: 'multiple', topicFunctions: { orders: 'a', payments: 'b' } },
    });
    assert.deepEqual(options.lambda.topicFunctions, { orders: 'a', payments: 'b' });
  });

  it('names the typed path in problems', () => {
    assert.throws(
      () =>
        optionsFromModuleOptions({
          name: 'orders-sink',
          topics: ['orders', 'payments'],
          kafka: { bootstrapServers: ['localhost:9092'] },
          lambda: { configurationMode: 'multiple', topicFunctions: { orders: 'a' } },
        }),
      /lambda.topicFunctions = "orders;a": has no function for topic payments of topics/,
    );
  });
});

describe('aws.lambda.configuration.mode=single (the default)', () => {
  it('refuses a map, which would otherwise send its topics to another function', () => {
    const lines = problemsOf(
      minimalProperties({ 'aws.lambda.topic2function.map': 'orders;other' }),
    );
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^aws.lambda.topic2function.map = "orders;other": is only read when aws.lambda.configuration.mode is multiple/,
    );
  });

  it('still requires aws.lambda.function.name', () => {
    const properties = minimalProperties({ 'aws.lambda.configuration.mode': 'single' });
    delete properties['aws.lambda.function.name'];
    assert.deepEqual(problemsOf(properties), ['aws.lambda.function.name (not set): is required']);
  });

  it('refuses an unknown mode', () => {
    const lines = problemsOf(minimalProperties({ 'aws.lambda.configuration.mode': 'many' }));
    assert.deepEqual(lines, [
      'aws.lambda.configuration.mode = "many": must be one of single, multiple',
    ]);
  });
});
