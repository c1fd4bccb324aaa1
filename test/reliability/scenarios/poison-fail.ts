import type { LambdaLocal } from '../../../libs/lambda-local/src';
import {
  committedOffsets,
  createTopic,
  eventually,
  produce,
  uniqueName,
} from '../../support/kafka';
import { sinkProperties, startSink } from '../../support/sink';
import { produceSequenced, tally, type ScenarioResult, type ScenarioSize } from '../harness';

/**
 * Scenario 5: one poison record under behavior.on.error=fail. Rule: only its partition stops
 * (committed offset exactly at the poison record), every other partition: lost=0.
 */
export async function poisonUnderFail(
  lambda: LambdaLocal,
  size: ScenarioSize,
): Promise<ScenarioResult> {
  const partitions = Math.max(3, size.partitions);
  const topic = await createTopic(uniqueName('rel-poison'), partitions);
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event: unknown) => {
    const values = (event as Array<{ payload: { value: string } }>).map((e) => e.payload.value);
    if (values.some((v) => v.includes('poison'))) throw new Error('poison record');
    return values.map(() => 'ok');
  });
  const half = Math.floor(size.records / 2);
  await produceSequenced(topic, 0, half, partitions);
  const poisonPartition = 1;
  await produce(topic, [{ value: 'poison', partition: poisonPartition }]);
  const poisonOffset = Math.ceil((half - poisonPartition) / partitions);
  // The rest of the records carry on after the poison record in every partition.
  await produceSequenced(topic, half, size.records - half, partitions);
  const properties = sinkProperties(lambda, { topics: topic, 'aws.lambda.function.name': fn });
  const sink = await startSink(properties);
  const healthy = (seq: number) => seq % partitions !== poisonPartition;
  try {
    await eventually(() => tally(lambda, fn, size.records, healthy).lost === 0, 120_000, 100);
    await eventually(async () => {
      const committed = await committedOffsets(`connect-${properties.name}`, topic);
      return [...committed].every(([p, o]) => p === poisonPartition || o > half / partitions);
    }, 20_000);
  } finally {
    await sink.stop();
  }
  const committed = await committedOffsets(`connect-${properties.name}`, topic);
  // The batch holding the poison record fails as a whole: the partition's commit stops at that
  // batch's first offset, at most one batch (aws.lambda.batch.size, 20 here) before the poison.
  const stoppedAt = committed.get(poisonPartition) ?? -1;
  const stoppedAtPoison = stoppedAt <= poisonOffset && stoppedAt > poisonOffset - 20;
  const failed = sink.status.failedPartitions().map((p) => `${p.topic}-${p.partition}`);
  const { lost, duplicated } = tally(lambda, fn, size.records, healthy);
  return {
    scenario: '5. poison record under fail',
    rule: 'only its partition stops, at the poison batch; others lost=0',
    produced: size.records,
    lost,
    duplicated,
    passed: lost === 0 && stoppedAtPoison,
    notes: [
      `poison partition committed ${committed.get(poisonPartition)} (poison at ${poisonOffset})`,
      `failed partitions at stop: ${failed.join(', ') || 'none'}`,
    ],
  };
}
