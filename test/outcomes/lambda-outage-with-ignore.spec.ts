import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConsoleLogger, Logger } from '@nestjs/common';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { committedOf, expectCommitted, invokedOffsets, pause, withSink } from './support/outcomes';

/** Warnings the sink logs while `body` runs. */
class WarningLog extends ConsoleLogger {
  readonly warnings: string[] = [];
  readonly raw: unknown[] = [];
  override warn(message: unknown, ...rest: unknown[]) {
    this.warnings.push(String(message));
    this.raw.push(message);
    super.warn(message, ...rest);
  }
}

describe('a Lambda outage that outlasts the retries, with behavior.on.error=ignore', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());
  afterEach(() => Logger.overrideLogger(new ConsoleLogger()));

  const outage = async () => {
    const topic = await createTopic(uniqueName('outage-ignore'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    lambda.setFaults(fn, { serverError: { status: 500 } });
    await produce(
      topic,
      Array.from({ length: 4 }, (_, i) => ({ value: `v${i}` })),
    );
    const name = uniqueName('sink');
    const properties = sinkProperties(lambda, {
      name,
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': '4',
      'aws.lambda.max.retries': '2',
      'behavior.on.error': 'ignore',
    });
    return { topic, fn, groupId: `connect-${name}`, properties };
  };

  it('stops the partition by default (an outage is not a property of the records), and a resume delivers the batch', async () => {
    const { topic, fn, groupId, properties } = await outage();
    await withSink(properties, async (engine) => {
      assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
      const [failed] = engine.status.failedPartitions();
      assert.equal(failed.failedAtOffset, 0);
      assert.match(failed.trace ?? '', /LambdaTransientError.*3 attempts/);
      await pause(500);
      assert.equal(await committedOf(groupId, topic), -1, 'nothing skipped, nothing committed');

      lambda.setFaults(fn, {});
      assert.equal(engine.resumePartition(topic, 0), true);
      await expectCommitted(groupId, topic, { 0: 4 });
    });
    const delivered = lambda
      .invocationsOf(fn)
      .filter((i) => i.statusCode === 200 && i.invocationType !== 'DryRun')
      .flatMap((i) => (i.event as Array<{ payload: { offset: number } }>).map((e) => e.payload));
    assert.equal(delivered.length, 4, 'every record delivered once the function was back');
  });

  it('with behavior.on.retries.exhausted=behavior.on.error skips the batch, never silently', async () => {
    const warnings = new WarningLog();
    Logger.overrideLogger(warnings);
    const { topic, fn, groupId, properties } = await outage();
    await withSink(
      { ...properties, 'behavior.on.retries.exhausted': 'behavior.on.error' },
      async (engine) => {
        await expectCommitted(groupId, topic, { 0: 4 });
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );
    assert.equal(invokedOffsets(lambda, fn).length, 12, 'three attempts of the four records');
    const skipped = warnings.warnings.filter((w) => /skipping/.test(w));
    assert.equal(skipped.length, 1, warnings.warnings.join('\n'));
    assert.match(skipped[0], new RegExp(`4 record\\(s\\) at ${topic}-0@0-3`));
    assert.match(skipped[0], /behavior\.on\.error=ignore/);
    // The coordinates are fields of the (JSON) log line too, not only words in its text.
    const line = warnings.raw.find((m) => String(m) === skipped[0]) as Record<string, unknown>;
    assert.deepEqual(
      { topic: line.topic, partition: line.partition, offsets: line.offsets, fn: line.function },
      { topic, partition: 0, offsets: '0-3', fn },
    );
  });
});
