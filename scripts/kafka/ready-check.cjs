#!/usr/bin/env node
// Readiness probe for the local dev broker, using the project's kafkajs (node_modules).
//
// Succeeds only when a real Metadata request answers (admin.describeCluster() returns at
// least one broker) on the PLAINTEXT listener and, if --sasl is given, also on the
// SASL_PLAINTEXT listener after logging in with SASL/PLAIN. An open port is not enough.
//
// Usage:
//   node ready-check.cjs --plain 127.0.0.1:9092 [--sasl 127.0.0.1:9094 --user sink --password sink-secret]
//                        [--timeout 90] [--pid 1234] [--once] [--warm-groups] [--verbose]
//
// --warm-groups: once ready, also make the broker create __consumer_offsets (a FindCoordinator
// via describeGroups), so the first consumer group of a test does not hit "The group
// coordinator is not available" + retry. Failures of this step only warn.
//
// --scram-ssl HOST:PORT --ca FILE: instead, wait until SCRAM-SHA-256 and SCRAM-SHA-512 logins as
// --user succeed over TLS (trusting the CA in FILE). start.sh runs it after adding the SCRAM
// users, which reach the listener asynchronously, so a rejected login is retried here.
//
// Exit codes: 0 ready, 1 timed out / not ready (--once: a single failed attempt),
//             2 the broker process (--pid) died, 3 SASL login rejected (bad credentials or
//             SASL misconfigured; retrying would not help), 4 kafkajs not installed.
'use strict';

const args = parseArgs(process.argv.slice(2));
const plain = args.plain || '127.0.0.1:9092';
const sasl = args.sasl || null;
const user = args.user || 'sink';
const password = args.password || 'sink-secret';
const timeoutMs = Number(args.timeout || 90) * 1000;
const pid = args.pid ? Number(args.pid) : null;
const once = Boolean(args.once);
const verbose = Boolean(args.verbose);
const warmGroups = Boolean(args['warm-groups']);

let kafkajs;
try {
  kafkajs = require('kafkajs');
} catch (e) {
  console.error(
    'ready-check: cannot load kafkajs (run npm install in the repo root): ' + e.message,
  );
  process.exit(4);
}
const { Kafka, logLevel } = kafkajs;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) {
      out[key] = true;
    } else {
      out[key] = next;
      i++;
    }
  }
  return out;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function processAlive(p) {
  try {
    process.kill(p, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function describe(broker, saslOpts, ssl) {
  const kafka = new Kafka({
    clientId: 'dev-kafka-ready-check',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
    ...(saslOpts ? { sasl: saslOpts } : {}),
    ...(ssl ? { ssl } : {}),
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const info = await admin.describeCluster();
    if (!info.brokers || info.brokers.length === 0) {
      throw new Error('metadata response lists no brokers yet');
    }
    return info;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function scramAttempt() {
  const ssl = { ca: [require('node:fs').readFileSync(args.ca, 'utf8')] };
  for (const mechanism of ['scram-sha-256', 'scram-sha-512']) {
    await describe(args['scram-ssl'], { mechanism, username: user, password }, ssl);
    if (verbose) console.error(`ready-check: SASL_SSL ${args['scram-ssl']} ${mechanism} ok`);
  }
}

async function attempt() {
  if (args['scram-ssl']) return scramAttempt();
  const info = await describe(plain, null);
  if (verbose) {
    console.error(
      `ready-check: PLAINTEXT ${plain} ok (cluster ${info.clusterId}, brokers ${info.brokers
        .map((b) => `${b.nodeId}@${b.host}:${b.port}`)
        .join(',')})`,
    );
  }
  if (sasl) {
    const saslInfo = await describe(sasl, { mechanism: 'plain', username: user, password });
    if (verbose) {
      console.error(
        `ready-check: SASL_PLAINTEXT ${sasl} ok as '${user}' (brokers ${saslInfo.brokers
          .map((b) => `${b.host}:${b.port}`)
          .join(',')})`,
      );
    }
  }
}

async function warmGroupCoordinator() {
  const kafka = new Kafka({
    clientId: 'dev-kafka-ready-check',
    brokers: [plain],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
  });
  const admin = kafka.admin({ retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 } });
  try {
    await admin.connect();
    await admin.describeGroups(['dev-kafka-ready-check']);
    if (verbose) console.error('ready-check: group coordinator (__consumer_offsets) ready');
  } catch (e) {
    console.error(`ready-check: warning: group coordinator warm-up failed: ${e.message}`);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function main() {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    if (pid !== null && !processAlive(pid)) {
      console.error(`ready-check: broker process ${pid} is gone`);
      process.exit(2);
    }
    try {
      await attempt();
      if (warmGroups) await warmGroupCoordinator();
      process.exit(0);
    } catch (e) {
      lastError = e;
      if (e && e.name === 'KafkaJSSASLAuthenticationError' && !args['scram-ssl']) {
        console.error(
          `ready-check: SASL/PLAIN login as '${user}' on ${sasl} rejected: ${e.message}`,
        );
        process.exit(3);
      }
      if (once || Date.now() >= deadline) break;
      await sleep(250);
    }
  }
  if (verbose || !once) {
    console.error(`ready-check: broker not ready: ${lastError && lastError.message}`);
  }
  process.exit(1);
}

main();
