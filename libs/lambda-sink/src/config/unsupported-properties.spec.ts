import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties } from './test-properties';

describe('settings the sink cannot honour', () => {
  it('stop startup, each saying what to do instead', () => {
    let error: unknown;
    try {
      optionsFromConnectProperties(
        minimalProperties({ 'record.converter.class': 'com.example.MyPayload' }),
      );
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ConfigValidationError);
    const lines = error.problems.map((p) => `${p.property} = ${p.value}: ${p.message}`);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^record.converter.class = .*the payload is always/);
  });

  it('accepts the single-function mode and says when Connect retry settings do not apply', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'aws.lambda.configuration.mode': 'single',
        'errors.retry.timeout': '300000',
        'errors.retry.delay.max.ms': '60000',
      }),
    );
    assert.equal(options.warnings.length, 1);
    assert.match(
      options.warnings[0],
      /^errors.retry.timeout is ignored: transient failures are retried by the sink itself/,
    );
  });
});
