import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { repoRoot, startLambda } from '../support/sink';
import { FAULT_NAMES } from './soak/fault-names';
import { runSoak, type SoakReport } from './soak/run-soak';
import { writeSummary } from './soak/summary';

// The 2-minute version of `npm run soak`: both orderings under the whole fault rotation once
// (throttling, 5xx, hangs, SIGKILLs, scale 1→2→1, a refusing result topic, a broker restart
// when the broker is the project's own). It runs in `npm test`'s serial phase, after the rest.
describe('soak with faults (2 minutes)', { timeout: 330_000 }, () => {
  let lambda: LambdaLocal;
  let report: SoakReport;
  before(async () => {
    lambda = await startLambda();
    report = await runSoak(lambda, {
      minutes: 2,
      rate: 200,
      partitions: 4,
      say: (line) => console.log(`[soak] ${line}`),
    });
    const file = await writeSummary(report, join(repoRoot, 'dist', 'soak-results'), repoRoot);
    console.log(`[soak] summary: ${file}`);
  });
  after(() => lambda.close());

  it('ran every kind of fault', () => {
    const kinds = new Set(report.faults.map((f) => f.fault));
    for (const kind of FAULT_NAMES)
      assert.ok(kinds.has(kind), `${kind} did not run: ${[...kinds].join(', ')}`);
  });

  it('passes every check (lost=0, bounded duplicates, per-key order, flat RSS, no FAILED)', () => {
    for (const check of report.checks.list) {
      console.log(`${check.passed ? 'PASS' : 'FAIL'} ${check.name}: ${check.detail}`);
    }
    const failed = report.checks.list.filter((c) => !c.passed);
    // CI keeps only its log: what the services warned about says which fault a failure follows.
    if (failed.length > 0) {
      for (const { ordering, text } of report.logs) {
        const warnings = text.split('\n').filter((l) => /WARN|ERROR|=====/.test(l));
        console.log(
          `[soak] ordering=${ordering}: ${warnings.length} warning/error lines, the last 60:`,
        );
        for (const line of warnings.slice(-60)) console.log(`[soak]   ${line}`);
      }
    }
    assert.deepEqual(
      failed.map((c) => `${c.name}: ${c.detail}`),
      [],
    );
  });
});
