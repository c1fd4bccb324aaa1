import { join } from 'node:path';
import {
  startLambdaLocal,
  type InvocationRecord,
  type LambdaLocal,
  type LambdaHandler,
} from '../../libs/lambda-local/src';
import { optionsFromConnectProperties } from '../../libs/lambda-sink/src';
import { SinkMetrics } from '../../libs/lambda-sink/src';
import { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import { bootstrapServers, uniqueName } from './kafka';

export const repoRoot = join(__dirname, '..', '..', '..');
export const exampleFunctions = join(repoRoot, 'examples', 'functions');

/** The project's Lambda endpoint with the example functions plus any in-process ones. */
export function startLambda(functions: Record<string, LambdaHandler> = {}): Promise<LambdaLocal> {
  return startLambdaLocal({ functionsDir: exampleFunctions, functions });
}

/** Properties of a sink pointed at the local broker and endpoint; `overrides` win. */
export function sinkProperties(
  lambda: LambdaLocal,
  overrides: Record<string, string>,
): Record<string, string> {
  const name = overrides.name ?? uniqueName('sink');
  return {
    name,
    'bootstrap.servers': bootstrapServers,
    'aws.lambda.function.name': 'success',
    'aws.lambda.endpoint': lambda.url,
    'aws.lambda.region': 'us-east-1',
    'aws.access.key.id': 'test-key-id',
    'aws.secret.access.key': 'test-secret-key',
    'aws.lambda.retry.backoff.ms': '20',
    'aws.lambda.retry.backoff.max.ms': '200',
    'reporter.result.topic.replication.factor': '1',
    'reporter.error.topic.replication.factor': '1',
    'errors.deadletterqueue.topic.replication.factor': '1',
    'shutdown.timeout.ms': '10000',
    // A killed member is noticed in seconds, not Kafka's 45 s, so crash tests stay quick.
    'consumer.override.session.timeout.ms': '6000',
    'consumer.override.heartbeat.interval.ms': '1000',
    ...overrides,
  };
}

/** Runs a sink in this process (the engine, without Nest) and returns it started. */
export async function startSink(properties: Record<string, string>): Promise<LambdaSinkEngine> {
  const engine = new LambdaSinkEngine(optionsFromConnectProperties(properties), new SinkMetrics());
  await engine.start();
  return engine;
}

/** The invocations that carried records (startup's DryRun carries none). */
export function recordInvocations(lambda: LambdaLocal, functionName: string): InvocationRecord[] {
  return lambda.invocationsOf(functionName).filter((i) => i.invocationType !== 'DryRun');
}

/** How many records reached the function, duplicates included. */
export function invokedRecordCount(lambda: LambdaLocal, functionName: string): number {
  return recordInvocations(lambda, functionName).reduce(
    (n, i) => n + (i.event as unknown[]).length,
    0,
  );
}

/** How often each `partition@offset` was delivered to the function (DryRun excluded). */
export function invocationCounts(lambda: LambdaLocal, functionName: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const invocation of recordInvocations(lambda, functionName)) {
    for (const { payload } of invocation.event as Array<{
      payload: { partition: number; offset: number };
    }>) {
      const key = `${payload.partition}@${payload.offset}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
