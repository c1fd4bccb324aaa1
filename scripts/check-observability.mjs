#!/usr/bin/env node
// Checks docs/observability with Prometheus's own tool:
//   promtool check rules  alerts.yml, and every query of the Grafana dashboard (written out as
//                         recording rules, Grafana's variables replaced by values);
//   promtool test rules   alerts.test.yml (the alerts fire, and only when they should).
// Exit 0 when all pass, 1 when promtool finds a problem, 3 when promtool is not installed
// (Debian: apt-get install prometheus; .ci/run installs it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const docs = join(root, 'docs', 'observability');
const promtool = process.env.PROMTOOL ?? 'promtool';

// What Grafana substitutes before a query reaches Prometheus.
const GRAFANA_VARIABLES = {
  __rate_interval: '5m',
  __interval: '1m',
  __range: '1h',
  job: '.*',
  datasource: 'prometheus',
};

/** Every query of the dashboard, rows' nested panels included, as `{ record, expr }`. */
export function dashboardQueries(dashboard) {
  const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
  return panels.flatMap((panel) =>
    (panel.targets ?? [])
      .filter((target) => target.expr)
      .map((target) => ({
        record: `dashboard:panel_${panel.id}_${target.refId}`,
        expr: target.expr.replace(/\$\{?(\w+)\}?/g, (all, name) => GRAFANA_VARIABLES[name] ?? all),
      })),
  );
}

function run(args) {
  const result = spawnSync(promtool, args, { cwd: docs, encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') {
    console.error(
      `${promtool} not found: install Debian's prometheus package (apt-get install prometheus)`,
    );
    process.exit(3);
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dashboard = JSON.parse(readFileSync(join(docs, 'grafana-dashboard.json'), 'utf8'));
  const rules = dashboardQueries(dashboard);
  const tmp = join(root, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const generated = join(tmp, 'dashboard-queries.rules.yml');
  // JSON is YAML, so no YAML writer is needed.
  writeFileSync(
    generated,
    JSON.stringify({ groups: [{ name: 'grafana-dashboard', rules }] }, null, 2),
  );
  console.log(`${rules.length} dashboard queries written to ${generated}`);
  const checked = run(['check', 'rules', 'alerts.yml', generated]);
  const tested = run(['test', 'rules', 'alerts.test.yml']);
  process.exit(checked === 0 && tested === 0 ? 0 : 1);
}
