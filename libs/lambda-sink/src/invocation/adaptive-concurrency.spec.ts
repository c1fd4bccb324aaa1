import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdaptiveConcurrency, DECREASE_FACTOR, PROBE_SLOWDOWN } from './adaptive-concurrency';

/** `n` answered calls while the limit was saturated. */
function answer(policy: AdaptiveConcurrency, n: number, saturated = true): void {
  for (let i = 0; i < n; i++) policy.answered(saturated);
}

describe('AdaptiveConcurrency', () => {
  it('starts at aws.lambda.max.in.flight, or with no limit when that is 0', () => {
    assert.equal(new AdaptiveConcurrency(16).limit, 16);
    assert.equal(new AdaptiveConcurrency(0).limit, Infinity);
  });

  it('cuts to 0.7 × the calls in flight on a throttle', () => {
    const policy = new AdaptiveConcurrency(0);
    policy.throttled(policy.generation, 10);
    assert.equal(policy.limit, 7);
    const bounded = new AdaptiveConcurrency(20);
    bounded.throttled(bounded.generation, 30);
    assert.equal(bounded.limit, Math.floor(20 * DECREASE_FACTOR), 'never more than the limit was');
  });

  it('cuts once per generation: throttles of calls sent before the cut do not cut again', () => {
    const policy = new AdaptiveConcurrency(0);
    const before = policy.generation;
    policy.throttled(before, 10);
    policy.throttled(before, 9);
    policy.throttled(before, 8);
    assert.equal(policy.limit, 7);
    policy.throttled(policy.generation, 7);
    assert.equal(policy.limit, 4, 'a call sent under the new limit cuts again');
  });

  it('never goes below 1', () => {
    const policy = new AdaptiveConcurrency(4);
    for (let i = 0; i < 10; i++) policy.throttled(policy.generation, 1);
    assert.equal(policy.limit, 1);
  });

  it('raises the limit by one per limit-many answered calls while saturated, up to the maximum', () => {
    const policy = new AdaptiveConcurrency(12);
    policy.throttled(policy.generation, 10);
    assert.equal(policy.limit, 7);
    answer(policy, 6);
    assert.equal(policy.limit, 7);
    answer(policy, 1);
    assert.equal(policy.limit, 8);
    answer(policy, 8);
    assert.equal(policy.limit, 9, 'one below the last throttle');
    answer(policy, 1000);
    assert.equal(policy.limit, 12, 'aws.lambda.max.in.flight bounds it');
  });

  it('grows slowly within one of the last throttle, then fast again past it', () => {
    const policy = new AdaptiveConcurrency(0);
    policy.throttled(policy.generation, 6);
    assert.equal(policy.limit, 4);
    answer(policy, 4);
    assert.equal(policy.limit, 5, 'fast below');
    answer(policy, 5 * PROBE_SLOWDOWN - 1);
    assert.equal(policy.limit, 5, 'one below the throttle: slow');
    answer(policy, 1);
    assert.equal(policy.limit, 6);
    answer(policy, 6 * PROBE_SLOWDOWN + 7 * PROBE_SLOWDOWN);
    assert.equal(policy.limit, 8, 'slow up to one past it');
    answer(policy, 8);
    assert.equal(policy.limit, 9, 'fast beyond: the function has more capacity now');
  });

  it('does not raise a limit that was not used', () => {
    const policy = new AdaptiveConcurrency(0);
    policy.throttled(policy.generation, 4);
    answer(policy, 100, false);
    assert.equal(policy.limit, 2);
  });

  it('keeps growing with no ceiling when aws.lambda.max.in.flight is 0', () => {
    const policy = new AdaptiveConcurrency(0);
    policy.throttled(policy.generation, 2);
    assert.equal(policy.limit, 1);
    answer(policy, (1 + 2 + 3) * PROBE_SLOWDOWN + 4 + 5);
    assert.equal(policy.limit, 6);
  });

  it('stays between 1 and the maximum, and moves only as AIMD allows, for any run', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('answered' as const), saturated: fc.boolean() }),
      fc.record({
        kind: fc.constant('throttled' as const),
        inFlight: fc.integer({ min: 0, max: 100 }),
        stale: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(event, { maxLength: 300 }),
        (max, run) => {
          const policy = new AdaptiveConcurrency(max);
          for (const e of run) {
            const before = policy.limit;
            if (e.kind === 'answered') {
              policy.answered(e.saturated);
              assert.ok(policy.limit === before || policy.limit === before + 1, 'additive');
              if (!e.saturated) assert.equal(policy.limit, before);
            } else {
              const generation = e.stale ? policy.generation - 1 : policy.generation;
              policy.throttled(generation, e.inFlight);
              if (e.stale) assert.equal(policy.limit, before, 'a stale throttle changes nothing');
              else assert.ok(policy.limit < before || before === 1, 'multiplicative');
            }
            assert.ok(policy.limit >= 1 && policy.limit <= max, `limit ${policy.limit}`);
          }
        },
      ),
    );
  });
});
