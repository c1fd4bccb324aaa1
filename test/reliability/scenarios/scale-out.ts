import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { createTopic, eventually, uniqueName } from '../../support/kafka';
import { sinkProperties } from '../../support/sink';
import { spawnSink, writePropertiesFile } from '../../support/sink-process';
import {
  invokedSequences,
  produceSequenced,
  sleep,
  tally,
  type ScenarioResult,
  type ScenarioSize,
} from '../harness';

/** Scenario 6: one instance, then two, then one again, while records keep arriving. Rule: lost=0. */
export async function scaleOut(lambda: LambdaLocal, size: ScenarioSize): Promise<ScenarioResult> {
  const topic = await createTopic(uniqueName('rel-scale'), Math.max(4, size.partitions));
  const partitions = Math.max(4, size.partitions);
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event: unknown) => {
    await sleep(5);
    return (event as unknown[]).map(() => 'ok');
  });
  const configFile = writePropertiesFile(
    sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      listeners: 'http://127.0.0.1:0',
    }),
  );
  const third = Math.floor(size.records / 3);
  const a = spawnSink(configFile);
  await produceSequenced(topic, 0, third, partitions);
  await eventually(() => invokedSequences(lambda, fn).size >= third / 2, 60_000, 20);
  const b = spawnSink(configFile);
  await produceSequenced(topic, third, third, partitions);
  await eventually(() => invokedSequences(lambda, fn).size >= third * 1.5, 60_000, 20);
  a.child.kill('SIGTERM');
  const aExit = await a.exited;
  await produceSequenced(topic, 2 * third, size.records - 2 * third, partitions);
  await eventually(() => invokedSequences(lambda, fn).size >= size.records, 120_000, 100);
  b.child.kill('SIGTERM');
  const bExit = await b.exited;
  const { lost, duplicated } = tally(lambda, fn, size.records);
  return {
    scenario: '6. scale 1 → 2 → 1 instances',
    rule: 'lost=0',
    produced: size.records,
    lost,
    duplicated,
    passed: lost === 0 && aExit === 0 && bExit === 0,
    notes: [`exit codes ${aExit}, ${bExit}`],
  };
}
