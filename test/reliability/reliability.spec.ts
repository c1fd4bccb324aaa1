import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { startLambda } from '../support/sink';
import { formatResult, SHORT } from './harness';
import { SCENARIOS } from './scenarios';

// The short version of `npm run test:reliability`, run by `npm test` after the other specs and on
// its own (the broker-restart scenario restarts the broker under every other test).
describe('reliability (short)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  for (const scenario of SCENARIOS) {
    const reason = scenario.unavailable?.();
    it(`scenario ${scenario.id} loses nothing`, { skip: reason }, async () => {
      const result = await scenario.run(lambda, SHORT);
      console.log(formatResult(result));
      assert.ok(result.passed, `${formatResult(result)} — rule: ${result.rule}`);
    });
  }
});
