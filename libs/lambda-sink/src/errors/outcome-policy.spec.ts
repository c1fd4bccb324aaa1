import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BehaviorOnError, RetriesExhaustedBehavior } from '../config/lambda-sink-options';
import { actionForRecordFailure, type RecordFailureKind } from './outcome-policy';

describe('actionForRecordFailure', () => {
  const cases: Array<
    [
      RecordFailureKind,
      BehaviorOnError,
      RetriesExhaustedBehavior,
      ReturnType<typeof actionForRecordFailure>,
    ]
  > = [
    ['function', 'fail', 'fail', 'fail-partition'],
    ['function', 'log', 'fail', 'report'],
    ['function', 'ignore', 'fail', 'skip'],
    ['data', 'log', 'fail', 'report'],
    ['data', 'ignore', 'fail', 'skip'],
    // An outage is not a property of the records: by default it stops the partition.
    ['transient-exhausted', 'fail', 'fail', 'fail-partition'],
    ['transient-exhausted', 'log', 'fail', 'fail-partition'],
    ['transient-exhausted', 'ignore', 'fail', 'fail-partition'],
    // Opted in: behavior.on.error decides.
    ['transient-exhausted', 'fail', 'behavior.on.error', 'fail-partition'],
    ['transient-exhausted', 'log', 'behavior.on.error', 'report'],
    ['transient-exhausted', 'ignore', 'behavior.on.error', 'skip'],
  ];
  for (const [kind, behaviorOnError, retriesExhausted, expected] of cases) {
    it(`${kind} with behavior.on.error=${behaviorOnError}, behavior.on.retries.exhausted=${retriesExhausted}: ${expected}`, () => {
      assert.equal(actionForRecordFailure(kind, { behaviorOnError, retriesExhausted }), expected);
    });
  }
});
