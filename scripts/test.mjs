#!/usr/bin/env node
// The project's single test entry point (`npm test`).
// 1. compiles everything with tsc, so Nest's decorator metadata is exactly what production runs
//    (incrementally: nothing when nothing changed);
// 2. makes sure a Kafka broker is there (the project's own, unless KAFKA_BOOTSTRAP_SERVERS names one);
// 3. makes sure a Schema Registry is there when a selected spec needs one (the project's own
//    Apicurio, unless SCHEMA_REGISTRY_URL names one);
// 4. runs every spec with Node's own test runner, and stops what it started.
// `npm test -- --unit` runs the unit specs only (no broker); `-- PATTERN…` filters spec files.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const filters = args.filter((a) => !a.startsWith('--'));

function run(cmd, cmdArgs, env = process.env) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

function findSpecs(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findSpecs(path));
    else if (name.endsWith('.spec.js')) found.push(path);
  }
  return found;
}

// The Node that runs the specs (the project pins it: package.json's `node` devDependency).
console.log(`node ${process.version} (${process.execPath})`);

// `tsc -b` skips a project whose build info is newer than its sources. The service's own build
// (tsconfig.build.json, what `npm start` checks) comes first so that `npm start` from a spec
// finds it current and does not rewrite dist/ under specs that are running.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (run(process.execPath, [tsc, '-b', 'tsconfig.build.json', 'tsconfig.json']) !== 0) {
  process.exit(1);
}

const isIntegration = (file) => relative(join(root, 'dist'), file).startsWith('test/');
let specs = ['apps', 'libs', 'test']
  .map((d) => join(root, 'dist', d))
  .filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  })
  .flatMap(findSpecs)
  .sort();
if (unitOnly) specs = specs.filter((f) => !isIntegration(f));
if (filters.length) specs = specs.filter((f) => filters.some((p) => f.includes(p)));
if (specs.length === 0) {
  console.error('no spec files matched');
  process.exit(1);
}

const env = { ...process.env };
let startedBroker = false;
if (specs.some(isIntegration) && !env.KAFKA_BOOTSTRAP_SERVERS) {
  if (run('bash', ['scripts/kafka/start.sh']) !== 0) {
    console.error('could not start the local Kafka broker (see above)');
    process.exit(1);
  }
  startedBroker = true;
  env.KAFKA_BOOTSTRAP_SERVERS = `127.0.0.1:${env.KAFKA_PORT ?? 9092}`;
  env.KAFKA_SASL_BOOTSTRAP_SERVERS ??= `127.0.0.1:${env.KAFKA_SASL_PORT ?? 9094}`;
  env.KAFKA_SSL_BOOTSTRAP_SERVERS ??= `127.0.0.1:${env.KAFKA_SSL_PORT ?? 9095}`;
  env.KAFKA_MTLS_BOOTSTRAP_SERVERS ??= `127.0.0.1:${env.KAFKA_MTLS_PORT ?? 9096}`;
  env.KAFKA_SASL_SSL_BOOTSTRAP_SERVERS ??= `127.0.0.1:${env.KAFKA_SASL_SSL_PORT ?? 9097}`;
  env.KAFKA_TLS_DIR ??= join(root, '.kafka', 'tls');
}

// Integration specs about the Schema Registry converters need a real registry. Apicurio starts
// in seconds but holds ~250 MB, so it runs only when such a spec is selected.
const needsRegistry = (file) => isIntegration(file) && file.includes('schema-registry');
let startedRegistry = false;
if (specs.some(needsRegistry) && !env.SCHEMA_REGISTRY_URL) {
  if (run('bash', ['scripts/schema-registry/start.sh']) !== 0) {
    console.error('could not start the local Schema Registry (see above)');
    stopStarted();
    process.exit(1);
  }
  startedRegistry = true;
  env.SCHEMA_REGISTRY_URL = `http://127.0.0.1:${env.SCHEMA_REGISTRY_PORT ?? 8081}/apis/ccompat/v7`;
}

function stopStarted() {
  if (startedRegistry && !env.KEEP_SCHEMA_REGISTRY)
    run('bash', ['scripts/schema-registry/stop.sh']);
  if (startedBroker && !env.KEEP_KAFKA) run('bash', ['scripts/kafka/stop.sh']);
}

// Reliability scenarios restart the broker and kill processes, so they run alone, after the rest.
const isSerial = (file) => relative(join(root, 'dist'), file).startsWith('test/reliability/');
const phases = [
  { name: 'main', files: specs.filter((f) => !isSerial(f)), concurrency: 2 },
  { name: 'serial', files: specs.filter(isSerial), concurrency: 1 },
].filter((phase) => phase.files.length > 0);

let status = 0;
const totals = { pass: 0, fail: 0, skipped: 0 };
for (const phase of phases) {
  const tapFile = join(root, 'dist', `test-results-${phase.name}.tap`);
  const code = run(
    process.execPath,
    [
      '--enable-source-maps',
      // Specs that run the sink in-process see kafkajs's negative timer too (why: the service's
      // Node flags, apps/lambda-sink/src/service-node-flags.ts); the test runner passes the flag on.
      '--disable-warning=TimeoutNegativeWarning',
      '--test',
      `--test-concurrency=${phase.concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...phase.files,
    ],
    env,
  );
  if (code !== 0) status = code;
  const tap = readFileSync(tapFile, 'utf8');
  for (const name of Object.keys(totals)) {
    totals[name] += Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  }
}
// One plain closing line over all phases: "tests: N passed, N failed, N skipped".
console.log(`tests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
stopStarted();
process.exit(status);
