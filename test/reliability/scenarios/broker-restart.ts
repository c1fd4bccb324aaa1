import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { createTopic, eventually, uniqueName } from '../../support/kafka';
import { repoRoot, sinkProperties } from '../../support/sink';
import { spawnSink, writePropertiesFile } from '../../support/sink-process';
import {
  invokedSequences,
  produceSequenced,
  sleep,
  tally,
  type ScenarioResult,
  type ScenarioSize,
} from '../harness';

const kafkaScript = (name: string) => join(repoRoot, 'scripts', 'kafka', name);
// start.sh leaves an external broker alone when KAFKA_BOOTSTRAP_SERVERS is set; here it is ours.
const scriptEnv = () => ({ ...process.env, KAFKA_BOOTSTRAP_SERVERS: '' });

/** True when the broker under test is the project's own, which this scenario may restart. */
export function ownsBroker(): boolean {
  return spawnSync('bash', [kafkaScript('status.sh')], { env: scriptEnv() }).status === 0;
}

/**
 * Runs one of the broker's scripts without blocking this process: the Lambda endpoint under test
 * answers from this event loop, and a blocked loop is a hang the sink would see (its socket
 * timeout then re-sends calls the endpoint has not yet run, which a 2-minute soak counted as
 * duplicates no fault explained).
 */
function runKafkaScript(name: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [kafkaScript(name)], { env: scriptEnv() });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * Stops the project's broker, waits `pauseMs` and starts it again (the KAFKA_*_PORT variables
 * say which one). Resolves with stop.sh's exit code; throws when the broker does not come back.
 */
export async function restartBroker(pauseMs: number): Promise<number | null> {
  const stop = await runKafkaScript('stop.sh');
  await sleep(pauseMs);
  const start = await runKafkaScript('start.sh');
  if (start.status !== 0) throw new Error(`broker did not come back: ${start.output}`);
  return stop.status;
}

/**
 * Scenario 3: the broker stops mid-run and comes back. Rule: lost=0 and the service resumes by
 * itself (no restart of the service).
 */
export async function brokerRestart(
  lambda: LambdaLocal,
  size: ScenarioSize,
): Promise<ScenarioResult> {
  const topic = await createTopic(uniqueName('rel-broker'), size.partitions);
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event: unknown) => {
    await sleep(10);
    return (event as unknown[]).map(() => 'ok');
  });
  const half = Math.floor(size.records / 2);
  await produceSequenced(topic, 0, half, size.partitions);
  const configFile = writePropertiesFile(
    sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      listeners: 'http://127.0.0.1:0',
    }),
  );
  const sink = spawnSink(configFile);
  await eventually(() => invokedSequences(lambda, fn).size >= half / 3, 120_000, 20);
  const stopStatus = await restartBroker(3000);
  await produceSequenced(topic, half, size.records - half, size.partitions);
  const resumed = await eventually(
    () => invokedSequences(lambda, fn).size >= size.records,
    180_000,
    200,
  );
  const alive = sink.child.exitCode === null;
  // When it did not resume, what the service says about itself is the first clue.
  const url = sink.output().match(/HTTP \(health, status, metrics\) on (http:\/\/[^"\s]+)/)?.[1];
  const diagnosis =
    !resumed && url
      ? await fetch(`${url}/health/ready`)
          .then((r) => r.text())
          .catch(String)
      : '';
  sink.child.kill('SIGTERM');
  await sink.exited;
  const { lost, duplicated } = tally(lambda, fn, size.records);
  return {
    scenario: '3. broker restart mid-run',
    rule: 'lost=0, resumes by itself',
    produced: size.records,
    lost,
    duplicated,
    passed: lost === 0 && resumed && alive,
    notes: [
      `broker stop exit ${stopStatus}`,
      `service ${alive ? 'kept running' : 'died'}`,
      ...(lost > 0 ? [`readiness: ${diagnosis}`] : []),
    ],
  };
}
