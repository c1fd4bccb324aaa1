import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../../libs/lambda-local/src';
import type { LambdaSinkEngine } from '../../../libs/lambda-sink/src';
import {
  committedOffsets,
  consumeAll,
  eventually,
  withAdmin,
  type ConsumedRecord,
  uniqueName,
} from '../../support/kafka';
import { recordInvocations, sinkProperties, startSink } from '../../support/sink';

/** One record of a Lambda payload, as the outcome specs look at it. */
export interface PayloadRecord {
  topic: string;
  partition: number;
  offset: number;
  key: unknown;
  value: unknown;
}

/** Starts a sink, runs `body` against it and always stops it, so a failed assertion leaves no member behind. */
export async function withSink<T>(
  properties: Record<string, string>,
  body: (engine: LambdaSinkEngine) => Promise<T>,
): Promise<T> {
  const engine = await startSink(properties);
  try {
    return await body(engine);
  } finally {
    await engine.stop();
  }
}

/** Every record the function received, duplicates included, in arrival order. */
export function invokedRecords(lambda: LambdaLocal, functionName: string): PayloadRecord[] {
  return recordInvocations(lambda, functionName).flatMap((invocation) =>
    (invocation.event as Array<{ payload: PayloadRecord }>).map((e) => e.payload),
  );
}

/** The offsets of one partition the function received, duplicates included. */
export function invokedOffsets(lambda: LambdaLocal, functionName: string, partition = 0): number[] {
  return invokedRecords(lambda, functionName)
    .filter((r) => r.partition === partition)
    .map((r) => r.offset);
}

/** How many records a topic holds (its high watermarks summed); 0 for a topic that does not exist. */
export async function recordCount(topic: string): Promise<number> {
  if (!(await topicExists(topic))) return 0;
  const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  return offsets.reduce((n, p) => n + Number(p.high), 0);
}

export async function topicExists(topic: string): Promise<boolean> {
  return (await withAdmin((admin) => admin.listTopics())).includes(topic);
}

/** Reads exactly `count` records of a topic (fails the caller's assertion if fewer arrive). */
export function readTopic(topic: string, count: number): Promise<ConsumedRecord[]> {
  return consumeAll(topic, count, 15_000);
}

/**
 * Waits until the group's committed offsets of `topic` equal `expected` (partition → next
 * offset), and fails with the offsets it last saw when they do not.
 */
export async function expectCommitted(
  groupId: string,
  topic: string,
  expected: Record<number, number>,
  timeoutMs = 20_000,
): Promise<void> {
  let seen: Record<number, number> = {};
  await eventually(async () => {
    const committed = await committedOffsets(groupId, topic);
    seen = Object.fromEntries(
      Object.keys(expected).map((p) => [p, committed.get(Number(p)) ?? -1]),
    );
    return Object.entries(expected).every(([p, next]) => seen[Number(p)] === next);
  }, timeoutMs);
  assert.deepEqual(seen, expected, `committed offsets of ${topic}`);
}

/** The committed next offset of one partition, -1 when nothing is committed. */
export async function committedOf(groupId: string, topic: string, partition = 0): Promise<number> {
  return (await committedOffsets(groupId, topic)).get(partition) ?? -1;
}

/** The `lambda_sink_record_errors_total` series of an engine, summed per `action` label. */
export async function recordErrorsByAction(
  engine: LambdaSinkEngine,
): Promise<Record<string, number>> {
  const metric = engine.metrics.registry.getSingleMetric('lambda_sink_record_errors_total');
  const byAction: Record<string, number> = {};
  for (const { labels, value } of (await metric?.get())?.values ?? []) {
    const action = String(labels.action);
    byAction[action] = (byAction[action] ?? 0) + value;
  }
  return byAction;
}

/** A header value as text (kafkajs hands them over as Buffers). */
export function headerText(record: ConsumedRecord, name: string): string | undefined {
  const value = record.headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String).join(',') : value.toString();
}

/** Resolves after `ms`: for checks that something does *not* happen within a window. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs a sink with its default result topic (`${name}-success`) over `topic` until the group
 * committed `committed` and `total` result records were written, then reads them.
 */
export async function drainWithResults(
  lambda: LambdaLocal,
  options: {
    topic: string;
    functionName: string;
    batchSize: number;
    total: number;
    committed: Record<number, number>;
  },
): Promise<{ results: ConsumedRecord[]; resultTopic: string }> {
  const name = uniqueName('sink');
  const resultTopic = `${name}-success`;
  await withSink(
    sinkProperties(lambda, {
      name,
      topics: options.topic,
      'aws.lambda.function.name': options.functionName,
      'aws.lambda.batch.size': String(options.batchSize),
    }),
    async () => {
      await expectCommitted(`connect-${name}`, options.topic, options.committed);
      assert.ok(await eventually(async () => (await recordCount(resultTopic)) >= options.total));
    },
  );
  return { results: await readTopic(resultTopic, options.total), resultTopic };
}
