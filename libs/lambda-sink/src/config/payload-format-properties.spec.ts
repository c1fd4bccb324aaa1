import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { optionsFromModuleOptions } from './lambda-sink-config-input';
import { minimalProperties } from './test-properties';

function problemsOf(properties: Record<string, string>): string[] {
  try {
    optionsFromConnectProperties(properties);
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error.problems.map((p) => `${p.property}: ${p.message}`);
  }
  assert.fail('expected a ConfigValidationError');
}

describe('aws.lambda.payload.format and aws.lambda.filter.criteria', () => {
  it('default to the Confluent payload and no filter', () => {
    const { lambda } = optionsFromConnectProperties(minimalProperties());
    assert.equal(lambda.payloadFormat, 'connect');
    assert.equal(lambda.filterCriteria, undefined);
  });

  it('read esm in any case, and keep the criteria text as written', () => {
    const criteria = '{"Filters":[{"Pattern":"{\\"value\\":[\\"x\\"]}"}]}';
    const { lambda } = optionsFromConnectProperties(
      minimalProperties({
        'aws.lambda.payload.format': 'ESM',
        'aws.lambda.filter.criteria': criteria,
      }),
    );
    assert.equal(lambda.payloadFormat, 'esm');
    assert.equal(lambda.filterCriteria, criteria);
  });

  it('list invalid filter patterns with the other problems, naming each', () => {
    const problems = problemsOf(
      minimalProperties({
        'aws.lambda.batch.size': 'many',
        'aws.lambda.payload.format': 'kinesis',
        'aws.lambda.filter.criteria':
          '{"Filters":[{"Pattern":"{\\"value\\":{\\"n\\":[{\\"numeric\\":[\\">\\"]}]}}"},{"Pattern":"{\\"partition\\":[0]}"}]}',
      }),
    );
    assert.deepEqual(problems, [
      'aws.lambda.batch.size: must be an integer >= 1',
      'aws.lambda.payload.format: must be one of connect, esm',
      'aws.lambda.filter.criteria: must be AWS Lambda FilterCriteria: ' +
        'Filters[0].Pattern: value.n[0]: numeric takes [op, number] or [">"|">=", low, "<"|"<=", high] with op one of =, <, <=, >, >=; ' +
        'Filters[1].Pattern names "partition", but Kafka records are matched on value, key, headers',
    ]);
  });

  it('come from typed options too, named by their path when wrong', () => {
    const typed = (lambda: Record<string, string>) =>
      optionsFromModuleOptions({
        name: 'orders-sink',
        topics: ['orders'],
        kafka: { bootstrapServers: ['localhost:9092'] },
        lambda: { functionName: 'process-orders', ...lambda },
      });
    const { lambda } = typed({ payloadFormat: 'esm', filterCriteria: '{"value":["x"]}' });
    assert.equal(lambda.payloadFormat, 'esm');
    assert.equal(lambda.filterCriteria, '{"value":["x"]}');
    assert.throws(
      () => typed({ filterCriteria: '{"value":[]}' }),
      /lambda\.filterCriteria .*pattern: value is an empty list of rules/,
    );
  });

  it('warn with esm that converters and transforms do not reshape the payload', () => {
    const warnings = (extra: Record<string, string>) =>
      optionsFromConnectProperties(minimalProperties(extra)).warnings;
    const converter = { 'value.converter': 'org.apache.kafka.connect.json.JsonConverter' };
    assert.deepEqual(warnings({ 'aws.lambda.payload.format': 'esm' }), []);
    assert.deepEqual(warnings(converter), []);
    const [warning, ...others] = warnings({ 'aws.lambda.payload.format': 'esm', ...converter });
    assert.deepEqual(others, []);
    assert.match(warning, /payload\.format is esm: .*as consumed; value\.converter do not change/);
  });
});
