import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bisectInvocationBound, RecoveryPlan, type StepOutcome } from './recovery-plan';

interface Run {
  invocations: number[][];
  succeeded: number[];
  failed: number[];
}

/**
 * Drives a plan over offsets 0..n-1 against a function that fails (a function error, or a
 * partial response naming them) every batch holding a poison record.
 */
function drive(
  n: number,
  poison: ReadonlySet<number>,
  options: { bisect: boolean; retries: number; partial?: boolean },
): Run {
  const records = Array.from({ length: n }, (_, i) => i);
  const plan = new RecoveryPlan<number>(records, {
    bisect: options.bisect,
    retries: options.retries,
    // ordering=none: the named records only (retry-set.spec.ts covers the other orderings).
    toRetry: (invoked, failed) => invoked.filter((r) => failed.includes(r)),
  });
  const run: Run = { invocations: [], succeeded: [], failed: [] };
  for (let step = plan.next(); step; step = plan.next()) {
    run.invocations.push([...step.records]);
    const bad = step.records.filter((r) => poison.has(r));
    const outcome: StepOutcome<number> =
      bad.length === 0
        ? { kind: 'succeeded' }
        : options.partial
          ? { kind: 'partial', failed: bad }
          : { kind: 'function-error' };
    const settled = plan.report(step, step.records, outcome);
    run.succeeded.push(...settled.succeeded);
    run.failed.push(...settled.failed);
  }
  return run;
}

const batchWithPoison = fc
  .integer({ min: 1, max: 200 })
  .chain((n) =>
    fc.tuple(fc.constant(n), fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n })),
  );

const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

describe('RecoveryPlan', () => {
  it('bisects to exactly the poison records within 2·k·⌈log2 n⌉ extra invocations, settling records in offset order', () => {
    fc.assert(
      fc.property(batchWithPoison, ([n, poisonList]) => {
        const poison = new Set(poisonList);
        const run = drive(n, poison, { bisect: true, retries: 0 });
        assert.deepEqual(sorted(run.failed), sorted(poisonList), 'only the poison fails');
        assert.equal(run.succeeded.length + run.failed.length, n, 'every record settles once');
        assert.ok(
          run.invocations.length - 1 <= bisectInvocationBound(poison.size, n),
          `${run.invocations.length - 1} extra invocations for k=${poison.size}, n=${n}`,
        );
        const settledOrder = run.invocations.flat().filter((r, i, all) => all.lastIndexOf(r) === i);
        assert.deepEqual(settledOrder, sorted(settledOrder), 'halves run first half first');
      }),
      { numRuns: 300 },
    );
  });

  it('retries an isolated poison record on top of the bisection, never more', () => {
    fc.assert(
      fc.property(batchWithPoison, fc.integer({ min: 0, max: 4 }), ([n, poisonList], retries) => {
        const run = drive(n, new Set(poisonList), { bisect: true, retries });
        assert.deepEqual(sorted(run.failed), sorted(poisonList));
        assert.ok(
          run.invocations.length - 1 <=
            bisectInvocationBound(poisonList.length, n) + poisonList.length * retries,
        );
      }),
    );
  });

  it('without bisection fails the whole batch after its retries', () => {
    const run = drive(10, new Set([4]), { bisect: false, retries: 2 });
    assert.equal(run.invocations.length, 3);
    assert.deepEqual(run.invocations[2], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(run.failed, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(run.succeeded, []);
  });

  it('settles the records a partial response did not name, and retries only the named ones', () => {
    const run = drive(6, new Set([1, 4]), { bisect: true, retries: 2, partial: true });
    assert.deepEqual(run.invocations, [
      [0, 1, 2, 3, 4, 5],
      [1, 4],
      [1, 4],
    ]);
    assert.deepEqual(run.succeeded, [0, 2, 3, 5]);
    assert.deepEqual(run.failed, [1, 4]);
  });

  it('a partial failure without retries fails the named records at once', () => {
    const run = drive(4, new Set([2]), { bisect: false, retries: 0, partial: true });
    assert.equal(run.invocations.length, 1);
    assert.deepEqual(run.failed, [2]);
    assert.deepEqual(run.succeeded, [0, 1, 3]);
  });
});
