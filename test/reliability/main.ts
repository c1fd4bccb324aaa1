#!/usr/bin/env node
/**
 * `npm run test:reliability`: every scenario of issue 6 at full size against the local broker and
 * Lambda endpoint. Prints `lost=N duplicated=M` per scenario and writes the table to
 * docs/reliability-results/latest.md. Exit code 1 if any scenario broke its rule.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLambdaLocal } from '../../libs/lambda-local/src';
import { exampleFunctions, repoRoot } from '../support/sink';
import { FULL, formatResult, SHORT, type ScenarioResult } from './harness';
import { SCENARIOS } from './scenarios';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const size = args.includes('--short') ? SHORT : FULL;
  const only = args.filter((a) => !a.startsWith('--'));
  const lambda = await startLambdaLocal({ functionsDir: exampleFunctions });
  const results: ScenarioResult[] = [];
  const skipped: string[] = [];
  try {
    for (const scenario of SCENARIOS) {
      if (only.length && !only.includes(scenario.id)) continue;
      const reason = scenario.unavailable?.();
      if (reason) {
        skipped.push(`${scenario.id}: ${reason}`);
        console.log(`SKIP ${scenario.id}: ${reason}`);
        continue;
      }
      const started = Date.now();
      const result = await scenario.run(lambda, size);
      result.notes.push(`${((Date.now() - started) / 1000).toFixed(0)} s`);
      results.push(result);
      console.log(formatResult(result));
    }
  } finally {
    await lambda.close();
  }
  const table = [
    `Reliability run of ${new Date().toISOString()} (${size === FULL ? 'full' : 'short'}: ${size.records} records, ${size.partitions} partitions, ${size.kills} kills)`,
    '',
    '| scenario | rule | produced | lost | duplicated | result | notes |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.rule} | ${r.produced} | ${r.lost} | ${r.duplicated} | ${r.passed ? 'PASS' : 'FAIL'} | ${r.notes.join('; ')} |`,
    ),
    ...skipped.map((s) => `\nSkipped: ${s}`),
  ].join('\n');
  const dir = join(repoRoot, 'docs', 'reliability-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.md'), table + '\n');
  console.log(`\n${table}`);
  console.log(
    `\n${results.filter((r) => r.passed).length} passed, ${results.filter((r) => !r.passed).length} failed`,
  );
  process.exit(results.every((r) => r.passed) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
