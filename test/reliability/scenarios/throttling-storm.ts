import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { consumeAll, createTopic, eventually, uniqueName } from '../../support/kafka';
import { sinkProperties } from '../../support/sink';
import { spawnSink, writePropertiesFile } from '../../support/sink-process';
import {
  invokedSequences,
  produceSequenced,
  rssMb,
  tally,
  type ScenarioResult,
  type ScenarioSize,
} from '../harness';

/**
 * Scenario 4: a throttling storm (the first calls all get 429) with 5xx bursts throughout.
 * Rule: lost=0, nothing in the error topic, and memory flat (RSS at the end within 30% of RSS
 * once the storm was under way).
 */
export async function throttlingStorm(
  lambda: LambdaLocal,
  size: ScenarioSize,
): Promise<ScenarioResult> {
  const topic = await createTopic(uniqueName('rel-throttle'), size.partitions);
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
  lambda.setFaults(fn, {
    throttle: { firstN: 50 + size.partitions * 10, retryAfterSeconds: 0 },
    serverError: { ratio: 0.15, status: 503 },
  });
  await produceSequenced(topic, 0, size.records, size.partitions);
  const properties = sinkProperties(lambda, {
    topics: topic,
    'aws.lambda.function.name': fn,
    // Enough retries to outlast the storm: the scenario is about riding it out, not giving up.
    'aws.lambda.max.retries': '200',
    'behavior.on.error': 'log',
    listeners: 'http://127.0.0.1:0',
  });
  const sink = spawnSink(writePropertiesFile(properties));
  await eventually(() => invokedSequences(lambda, fn).size >= size.records / 4, 120_000, 20);
  const rssEarly = rssMb(sink.child.pid ?? 0);
  await eventually(() => invokedSequences(lambda, fn).size >= size.records, 240_000, 100);
  const rssEnd = rssMb(sink.child.pid ?? 0);
  sink.child.kill('SIGTERM');
  await sink.exited;
  const errors = await consumeAll(`${properties.name}-error`, 1, 3000);
  const throttled = lambda.invocationsOf(fn).filter((i) => i.statusCode === 429).length;
  const failed5xx = lambda.invocationsOf(fn).filter((i) => (i.statusCode ?? 0) >= 500).length;
  const { lost, duplicated } = tally(lambda, fn, size.records);
  const flat = rssEnd <= rssEarly * 1.3;
  return {
    scenario: '4. throttling storm and 5xx bursts',
    rule: 'lost=0, error topic empty, RSS flat',
    produced: size.records,
    lost,
    duplicated,
    passed: lost === 0 && errors.length === 0 && flat,
    notes: [
      `${throttled} x 429, ${failed5xx} x 5xx answered`,
      `error topic records: ${errors.length}`,
      `RSS ${rssEarly.toFixed(0)} MB → ${rssEnd.toFixed(0)} MB`,
    ],
  };
}
