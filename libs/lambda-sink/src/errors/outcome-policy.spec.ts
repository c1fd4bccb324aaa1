import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  BehaviorOnError,
  ErrorsTolerance,
  RetriesExhaustedBehavior,
} from '../config/lambda-sink-options';
import { decide, type Decision, type FailureKind, type PolicySettings } from './outcome-policy';

const KINDS: FailureKind[] = [
  'function',
  'data',
  'transient-exhausted',
  'configuration',
  'conversion',
  'reporter-rejected',
  'expired',
];
const BEHAVIORS: BehaviorOnError[] = ['fail', 'log', 'ignore'];
const EXHAUSTED: RetriesExhaustedBehavior[] = ['fail', 'behavior.on.error'];
const TOLERANCES: ErrorsTolerance[] = ['none', 'all'];

/** Every combination of settings the policy reads: 3 × 2 × 2 × 2 × 2 × 2 = 96. */
function* allSettings(): Generator<PolicySettings> {
  for (const behaviorOnError of BEHAVIORS)
    for (const retriesExhausted of EXHAUSTED)
      for (const errorsTolerance of TOLERANCES)
        for (const errorsLogEnable of [false, true])
          for (const errorTopic of [false, true])
            for (const deadLetterQueue of [false, true])
              yield {
                behaviorOnError,
                retriesExhausted,
                errorsTolerance,
                errorsLogEnable,
                errorTopic,
                deadLetterQueue,
              };
}

const STOP_PARTITION: Decision = {
  then: 'stop-partition',
  write: 'none',
  log: 'none',
  countAs: 'fail-partition',
};
const STOP_TASK: Decision = { then: 'stop-task', write: 'none', log: 'none', countAs: 'fail-task' };

/** The table, written out row by row from SPEC section 5 and the configuration docs. */
function expected(kind: FailureKind, s: PolicySettings): Decision {
  const byBehavior: Record<BehaviorOnError, Decision> = {
    fail: STOP_PARTITION,
    log: {
      then: 'continue',
      write: s.errorTopic ? 'error-topic' : 'none',
      log: 'error',
      countAs: 'report',
    },
    ignore: { then: 'continue', write: 'none', log: 'none', countAs: 'skip' },
  };
  switch (kind) {
    case 'function':
    case 'data':
    case 'expired':
      return byBehavior[s.behaviorOnError];
    case 'transient-exhausted':
      return s.retriesExhausted === 'fail'
        ? STOP_PARTITION
        : { ...byBehavior[s.behaviorOnError], log: 'warn' };
    case 'configuration':
      return STOP_TASK;
    case 'conversion':
      return s.errorsTolerance === 'none'
        ? STOP_TASK
        : {
            then: 'continue',
            write: s.deadLetterQueue ? 'dlq' : 'none',
            log: s.errorsLogEnable ? 'error' : 'none',
            countAs: 'dead-letter',
          };
    case 'reporter-rejected':
      return STOP_PARTITION;
  }
}

describe('the outcome policy', () => {
  it('decides every failure kind under every combination of settings as the table says (672 cases)', () => {
    let cases = 0;
    for (const kind of KINDS) {
      for (const settings of allSettings()) {
        assert.deepEqual(
          decide(kind, settings),
          expected(kind, settings),
          `${kind} ${JSON.stringify(settings)}`,
        );
        cases++;
      }
    }
    assert.equal(cases, 672);
  });

  it('never continues silently past an exhausted outage, and never writes when it stops', () => {
    for (const kind of KINDS) {
      for (const settings of allSettings()) {
        const decision = decide(kind, settings);
        if (decision.then !== 'continue') assert.equal(decision.write, 'none');
        if (kind === 'transient-exhausted' && decision.then === 'continue')
          assert.notEqual(decision.log, 'none', 'an outage that skips records says so');
        if (decision.write === 'dlq') assert.equal(kind, 'conversion');
      }
    }
  });
});
