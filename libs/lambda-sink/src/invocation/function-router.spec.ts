import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FunctionRouter } from './function-router';

describe('FunctionRouter', () => {
  it('sends every topic to aws.lambda.function.name in single mode', () => {
    const router = FunctionRouter.fromOptions({ configurationMode: 'single', functionName: 'fn' });
    assert.equal(router.functionFor('orders'), 'fn');
    assert.equal(router.functionFor('anything'), 'fn');
    assert.deepEqual(router.functions, ['fn']);
    assert.equal(router.describe(), 'function fn');
  });

  it('sends each topic to its own function in multiple mode, listing each function once', () => {
    const router = FunctionRouter.fromOptions({
      configurationMode: 'multiple',
      functionName: 'ignored',
      topicFunctions: { orders: 'a', payments: 'b', refunds: 'a' },
    });
    assert.equal(router.functionFor('orders'), 'a');
    assert.equal(router.functionFor('payments'), 'b');
    assert.deepEqual(router.functions, ['a', 'b']);
    assert.equal(router.describe(), 'functions orders→a, payments→b, refunds→a');
  });

  it('refuses a topic the map does not name rather than guessing a function', () => {
    const router = FunctionRouter.fromOptions({
      configurationMode: 'multiple',
      topicFunctions: { orders: 'a' },
    });
    assert.equal(router.functionOf('payments'), undefined);
    assert.throws(
      () => router.functionFor('payments'),
      /no Lambda function configured for topic payments/,
    );
  });
});
