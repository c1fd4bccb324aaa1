import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties } from './test-properties';

/** The problems (property → message) startup reports for these extra properties. */
function problemsOf(extra: Record<string, string>): Record<string, string> {
  try {
    optionsFromConnectProperties(minimalProperties(extra));
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return Object.fromEntries(error.problems.map((p) => [p.property, p.message]));
  }
  assert.fail('expected a ConfigValidationError');
}

describe("AWS's trigger error controls in the configuration", () => {
  it('reads each control into the typed options', () => {
    const { lambda } = optionsFromConnectProperties(
      minimalProperties({
        'aws.lambda.response.partial.batch': 'true',
        'aws.lambda.bisect.on.error': 'TRUE',
        'aws.lambda.function.error.retries': '3',
        'aws.lambda.max.record.age.ms': '60000',
      }),
    );
    assert.equal(lambda.partialBatchResponse, true);
    assert.equal(lambda.bisectOnError, true);
    assert.equal(lambda.functionErrorRetries, 3);
    assert.equal(lambda.maxRecordAgeMs, 60000);
  });

  it('accepts -1 as no record age limit, as AWS does', () => {
    const { lambda } = optionsFromConnectProperties(
      minimalProperties({ 'aws.lambda.max.record.age.ms': '-1' }),
    );
    assert.equal(lambda.maxRecordAgeMs, -1);
  });

  it('lists every malformed control at once, by the name written', () => {
    const problems = problemsOf({
      'aws.lambda.response.partial.batch': 'yes',
      'aws.lambda.bisect.on.error': 'sometimes',
      'aws.lambda.function.error.retries': '-1',
      'aws.lambda.max.record.age.ms': '0',
    });
    assert.match(problems['aws.lambda.response.partial.batch'], /must be true or false/);
    assert.match(problems['aws.lambda.bisect.on.error'], /must be true or false/);
    assert.match(problems['aws.lambda.function.error.retries'], /integer from 0 to 10000/);
    assert.match(problems['aws.lambda.max.record.age.ms'], /-1 \(no limit\) or an integer >= 1/);
  });

  it('refuses controls that act on responses with async invocations, which return none', () => {
    const problems = problemsOf({
      'aws.lambda.invocation.type': 'async',
      'aws.lambda.response.partial.batch': 'true',
      'aws.lambda.bisect.on.error': 'true',
      'aws.lambda.function.error.retries': '2',
    });
    for (const name of [
      'aws.lambda.response.partial.batch',
      'aws.lambda.bisect.on.error',
      'aws.lambda.function.error.retries',
    ]) {
      assert.match(problems[name], /needs aws\.lambda\.invocation\.type=sync/, name);
    }
    // Off is fine with async, and so is a record age (records expire before any call).
    assert.doesNotThrow(() =>
      optionsFromConnectProperties(
        minimalProperties({
          'aws.lambda.invocation.type': 'async',
          'aws.lambda.response.partial.batch': 'false',
          'aws.lambda.function.error.retries': '0',
          'aws.lambda.max.record.age.ms': '1000',
        }),
      ),
    );
  });
});
