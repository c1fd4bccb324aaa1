import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { committedOffsets, createTopic, eventually, uniqueName } from '../../support/kafka';
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

/**
 * Scenario 1: the service is killed with SIGKILL at random moments while it drains a backlog.
 * Rule: lost=0, and after every kill no committed offset passes a record that was not invoked.
 */
export async function sigkillStorm(
  lambda: LambdaLocal,
  size: ScenarioSize,
): Promise<ScenarioResult> {
  const topic = await createTopic(uniqueName('rel-kill'), size.partitions);
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event: unknown) => {
    await sleep(5);
    return (event as unknown[]).map(() => 'ok');
  });
  await produceSequenced(topic, 0, size.records, size.partitions);
  const properties = sinkProperties(lambda, {
    topics: topic,
    'aws.lambda.function.name': fn,
    'aws.lambda.batch.size': '20',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': 'false',
    listeners: 'http://127.0.0.1:0',
  });
  const configFile = writePropertiesFile(properties);
  const notes: string[] = [];
  let commitViolations = 0;
  const invokedCount = () => invokedSequences(lambda, fn).size;

  for (let kill = 0; kill < size.kills; kill++) {
    const sink = spawnSink(configFile);
    const before = invokedCount();
    await eventually(() => invokedCount() > before, 60_000, 10);
    await sleep(100 + Math.floor(Math.random() * 900));
    sink.child.kill('SIGKILL');
    await sink.exited;
    // A record is uniquely (partition, offset); seq n sits at partition n % P, offset floor(n / P).
    const committed = await committedOffsets(`connect-${properties.name}`, topic);
    const invoked = invokedSequences(lambda, fn);
    for (const [partition, next] of committed) {
      for (let offset = 0; offset < next; offset++) {
        if (!invoked.has(offset * size.partitions + partition)) commitViolations++;
      }
    }
  }
  notes.push(`${size.kills} SIGKILLs`, `commits past uninvoked records: ${commitViolations}`);

  const last = spawnSink(configFile);
  await eventually(() => invokedCount() >= size.records, 180_000, 100);
  last.child.kill('SIGTERM');
  await last.exited;
  const { lost, duplicated } = tally(lambda, fn, size.records);
  return {
    scenario: '1. SIGKILL at random moments',
    rule: 'lost=0 and no commit passes an uninvoked record',
    produced: size.records,
    lost,
    duplicated,
    passed: lost === 0 && commitViolations === 0,
    notes,
  };
}
