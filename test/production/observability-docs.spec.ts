import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SinkMetrics } from '../../libs/lambda-sink/src';
import { repoRoot } from '../support/sink';

const docs = join(repoRoot, 'docs', 'observability');
const read = (file: string) => readFileSync(join(docs, file), 'utf8');

const promtoolMissing =
  spawnSync('promtool', ['--version']).error !== undefined
    ? 'promtool is not installed (apt-get install prometheus; .ci/run installs it)'
    : undefined;

/** Metric names a PromQL text uses (histogram series reduced to the histogram's name). */
function metricNames(text: string): string[] {
  const names = text.match(/\b(lambda_sink|process|nodejs)_[a-z0-9_]+/g) ?? [];
  return [...new Set(names.map((n) => n.replace(/_(bucket|sum|count)$/, '')))];
}

describe('docs/observability', () => {
  it('uses only metrics the sink exports, in the alerts and in the dashboard', async () => {
    const exported = new Set(
      (await new SinkMetrics().registry.getMetricsAsJSON()).map((metric) => metric.name),
    );
    const used = metricNames(read('alerts.yml') + read('grafana-dashboard.json'));
    assert.ok(used.length >= 15, `found ${used.length} metric names`);
    assert.deepEqual(
      used.filter((name) => !exported.has(name)),
      [],
    );
  });

  it('names every alert in the README', () => {
    const readme = read('README.md');
    for (const [, alert] of read('alerts.yml').matchAll(/- alert: (\w+)/g))
      assert.ok(readme.includes(alert), alert);
  });

  it(
    'passes promtool: the alert rules, their unit tests and every dashboard query',
    // CI installs promtool; elsewhere its absence is said, not hidden as a failure.
    { skip: process.env.CI ? undefined : promtoolMissing },
    () => {
      const result = spawnSync(
        process.execPath,
        [join(repoRoot, 'scripts', 'check-observability.mjs')],
        {
          encoding: 'utf8',
        },
      );
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /SUCCESS: 6 rules found/);
      assert.match(result.stdout, /Unit Testing: +alerts\.test\.yml\s+SUCCESS/);
    },
  );
});
