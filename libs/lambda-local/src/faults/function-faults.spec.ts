import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FunctionFaults } from './function-faults';
import { validateFaults } from './fault-validator';

const kinds = (faults: FunctionFaults, calls: number, payload = '[]') =>
  Array.from(
    { length: calls },
    () => faults.decideInvoke(JSON.parse(payload), payload).outcome.kind,
  );

describe('FunctionFaults', () => {
  it('fires a firstN fault on exactly the first N calls', () => {
    assert.deepEqual(kinds(new FunctionFaults({ throttle: { firstN: 2 } }), 4), [
      'throttle',
      'throttle',
      'none',
      'none',
    ]);
  });

  it('counts for each fault only the calls that reach it', () => {
    const faults = new FunctionFaults({
      throttle: { firstN: 2 },
      serverError: { firstN: 1 },
      hang: { firstN: 1 },
    });
    assert.deepEqual(kinds(faults, 5), ['throttle', 'throttle', 'serverError', 'hang', 'none']);
  });

  it('fires a fault without trigger on every call, and ratio 0 never', () => {
    assert.deepEqual(kinds(new FunctionFaults({ serverError: true }), 2), [
      'serverError',
      'serverError',
    ]);
    assert.deepEqual(kinds(new FunctionFaults({ hang: { ratio: 0 } }), 3), [
      'none',
      'none',
      'none',
    ]);
  });

  it('denies before anything else', () => {
    assert.deepEqual(kinds(new FunctionFaults({ denyInvoke: true, throttle: true }), 1), ['deny']);
  });

  it('counts a function-error predicate only on matching calls', () => {
    const faults = new FunctionFaults({ functionError: { firstN: 1, payloadContains: 'poison' } });
    assert.deepEqual(kinds(faults, 1, '["fine"]'), ['none']);
    assert.deepEqual(kinds(faults, 2, '["poison"]'), ['functionError', 'none']);
  });

  it('refuses a synchronous call beyond concurrencyLimit.max running ones, at once', () => {
    const faults = new FunctionFaults({ concurrencyLimit: { max: 2 }, latencyMs: 50 });
    const first = faults.decideInvoke([], '[]');
    const second = faults.decideInvoke([], '[]');
    const third = faults.decideInvoke([], '[]');
    assert.deepEqual(third, {
      latencyMs: 0,
      outcome: {
        kind: 'throttle',
        reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        retryAfterSeconds: 1,
      },
    });
    assert.equal(faults.running, 2, 'the refused call does not run');
    first.release?.();
    first.release?.();
    assert.equal(faults.running, 1, 'a release counts once');
    const fourth = faults.decideInvoke([], '[]');
    assert.equal(fourth.outcome.kind, 'none');
    assert.equal(fourth.latencyMs, 50);
    second.release?.();
    fourth.release?.();
    assert.equal(faults.running, 0);
  });

  it('does not limit Event calls, and limit 0 refuses every synchronous one', () => {
    const none = new FunctionFaults({ concurrencyLimit: { max: 0, reason: 'R' } });
    assert.equal(none.decideInvoke([], '[]', false).outcome.kind, 'none');
    assert.deepEqual(none.decideInvoke([], '[]').outcome, {
      kind: 'throttle',
      reason: 'R',
      retryAfterSeconds: 1,
    });
  });

  it('checks the concurrency limit before the other faults, which count only calls it admits', () => {
    const faults = new FunctionFaults({ concurrencyLimit: { max: 1 }, throttle: { firstN: 1 } });
    const running = faults.decideInvoke([], '[]');
    assert.equal(running.outcome.kind, 'throttle', 'the throttle fault fires on the admitted call');
    assert.equal(faults.decideInvoke([], '[]').outcome.kind, 'throttle', 'refused by the limit');
    running.release?.();
    assert.equal(faults.decideInvoke([], '[]').outcome.kind, 'none', 'firstN was spent once');
  });

  it('picks latency within the range', () => {
    const faults = new FunctionFaults({ latencyMs: { min: 10, max: 20 } });
    for (let i = 0; i < 50; i++) {
      const { latencyMs } = faults.decideInvoke([], '[]');
      assert.ok(latencyMs >= 10 && latencyMs <= 20);
    }
  });
});

describe('validateFaults', () => {
  it('accepts a full, valid fault set', () => {
    const faults = {
      latencyMs: { min: 1, max: 2 },
      concurrencyLimit: { max: 3, reason: 'R', retryAfterSeconds: 0 },
      throttle: { ratio: 0.5, reason: 'X', retryAfterSeconds: 0 },
      serverError: { firstN: 1, status: 503 },
      functionError: { kind: 'Handled', message: 'm', when: () => true },
      hang: true,
      denyInvoke: false,
      denyGetFunction: false,
    };
    assert.equal(validateFaults('fn', faults), faults);
  });

  it('reports every problem at once', () => {
    assert.throws(
      () =>
        validateFaults('fn', {
          latencyMs: { min: 5, max: 1 },
          serverError: { status: 404 },
          denyInvoke: 'yes',
        }),
      (e: Error & { problems: string[] }) =>
        e.message.startsWith("Invalid faults for function 'fn':") && e.problems.length === 3,
    );
  });

  it('needs a whole max >= 0 for concurrencyLimit', () => {
    for (const concurrencyLimit of [4, {}, { max: -1 }, { max: 1.5 }, { max: 2, retry: 1 }])
      assert.throws(
        () => validateFaults('fn', { concurrencyLimit }),
        (e: Error & { problems: string[] }) =>
          e.problems.length === 1 && e.problems[0].startsWith('concurrencyLimit'),
        JSON.stringify(concurrencyLimit),
      );
  });
});
