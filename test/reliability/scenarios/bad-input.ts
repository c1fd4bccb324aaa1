import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { consumeAll, createTopic, eventually, produce, uniqueName } from '../../support/kafka';
import { sinkProperties, startSink } from '../../support/sink';
import { spawnSink, writePropertiesFile } from '../../support/sink-process';
import { produceSequenced, tally, type ScenarioResult, type ScenarioSize } from '../harness';

/**
 * Scenario 7: bad input. Malformed JSON under errors.tolerance=all goes to the DLQ with context
 * headers; an oversized record under behavior.on.error=log goes to the error topic; an invalid
 * configuration lists every problem. Rule: every good record invoked, every bad one accounted for.
 */
export async function badInput(lambda: LambdaLocal, size: ScenarioSize): Promise<ScenarioResult> {
  const records = Math.min(size.records, 2000);
  const topic = await createTopic(uniqueName('rel-bad'), 2);
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
  await produceSequenced(topic, 0, records / 2, 2);
  await produce(topic, [
    { value: '{"seq": broken', partition: 0 },
    { value: JSON.stringify({ seq: -1, pad: 'x'.repeat(7_000_000) }), partition: 1 },
  ]);
  await produceSequenced(topic, records / 2, records / 2, 2);
  const dlq = `${topic}-dlq`;
  const properties = sinkProperties(lambda, {
    topics: topic,
    'aws.lambda.function.name': fn,
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': 'false',
    'errors.tolerance': 'all',
    'errors.log.enable': 'true',
    'errors.deadletterqueue.topic.name': dlq,
    'errors.deadletterqueue.context.headers.enable': 'true',
    'behavior.on.error': 'log',
  });
  const sink = await startSink(properties);
  try {
    await eventually(() => tally(lambda, fn, records).lost === 0, 60_000, 100);
  } finally {
    await sink.stop();
  }
  const dead = await consumeAll(dlq, 1, 10_000);
  const errored = await consumeAll(`${properties.name}-error`, 1, 10_000);
  const dlqOk =
    dead.length === 1 &&
    dead[0].value?.toString() === '{"seq": broken' &&
    String(dead[0].headers['__connect.errors.exception.message'] ?? '').length > 0;
  const errorOk =
    errored.length === 1 &&
    String(errored[0].headers['__lambda.error.type']) === 'PAYLOAD_TOO_LARGE';

  const badConfig = spawnSink(
    writePropertiesFile({
      name: 'bad',
      'aws.lambda.batch.size': 'many',
      'behavior.on.error': 'shrug',
    }),
  );
  const exit = await badConfig.exited;
  const listed = [
    'topics',
    'aws.lambda.function.name',
    'bootstrap.servers',
    'aws.lambda.batch.size',
    'behavior.on.error',
  ].filter((p) => badConfig.output().includes(p));
  const { lost, duplicated } = tally(lambda, fn, records);
  return {
    scenario: '7. bad input',
    rule: 'malformed JSON → DLQ with headers; oversized → error topic; bad config lists all',
    produced: records + 2,
    lost,
    duplicated,
    passed: lost === 0 && dlqOk && errorOk && exit !== 0 && listed.length === 5,
    notes: [
      `DLQ records ${dead.length} (${dlqOk ? 'with context headers' : 'WRONG'})`,
      `error topic records ${errored.length} (${errorOk ? 'PAYLOAD_TOO_LARGE' : 'WRONG'})`,
      `bad config exit ${exit}, problems named ${listed.length}/5`,
    ],
  };
}
