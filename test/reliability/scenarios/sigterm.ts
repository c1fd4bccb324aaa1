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

/** Scenario 2: SIGTERM mid-run, then a restart. Rule: lost=0, duplicated=0, exit code 0. */
export async function sigterm(lambda: LambdaLocal, size: ScenarioSize): Promise<ScenarioResult> {
  const topic = await createTopic(uniqueName('rel-term'), size.partitions);
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event: unknown) => {
    await sleep(10);
    return (event as unknown[]).map(() => 'ok');
  });
  await produceSequenced(topic, 0, size.records, size.partitions);
  const configFile = writePropertiesFile(
    sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      listeners: 'http://127.0.0.1:0',
    }),
  );
  const first = spawnSink(configFile);
  await eventually(() => invokedSequences(lambda, fn).size >= size.records / 3, 120_000, 20);
  first.child.kill('SIGTERM');
  const firstExit = await first.exited;
  const second = spawnSink(configFile);
  await eventually(() => invokedSequences(lambda, fn).size >= size.records, 180_000, 100);
  second.child.kill('SIGTERM');
  const secondExit = await second.exited;
  const { lost, duplicated } = tally(lambda, fn, size.records);
  return {
    scenario: '2. SIGTERM and restart',
    rule: 'lost=0, duplicated=0, exit 0',
    produced: size.records,
    lost,
    duplicated,
    passed: lost === 0 && duplicated === 0 && firstExit === 0 && secondExit === 0,
    notes: [`exit codes ${firstExit}, ${secondExit}`],
  };
}
