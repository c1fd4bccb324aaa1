import type { GroupOffset, GroupOffsetChange } from '../engine/lambda-sink-engine';
import * as m from './operations.messages';

/**
 * KIP-875's offsets of a sink connector, as Connect writes them:
 * `{"offsets":[{"partition":{"kafka_topic":"t","kafka_partition":0},"offset":{"kafka_offset":42}}]}`.
 * `kafka_offset` is the next offset to read (the consumer group's committed offset).
 */
export interface ConnectOffsets {
  offsets: Array<{
    partition: { kafka_topic: string; kafka_partition: number };
    offset: { kafka_offset: number } | null;
  }>;
}

export function toConnectOffsets(offsets: GroupOffset[]): ConnectOffsets {
  return {
    offsets: [...offsets]
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
      .map((o) => ({
        partition: { kafka_topic: o.topic, kafka_partition: o.partition },
        offset: { kafka_offset: o.offset },
      })),
  };
}

export class OffsetsBodyError extends Error {
  readonly code = 'OFFSETS_BODY_INVALID';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The changes a `PATCH /offsets` body asks for.
 *
 * @throws OffsetsBodyError naming the entry that is not in Connect's shape (never its content).
 */
export function parseOffsetsChange(body: unknown): GroupOffsetChange[] {
  if (!isObject(body) || !Array.isArray(body.offsets)) {
    throw new OffsetsBodyError(
      m.offsetsBodyInvalid('the body must be an object with an "offsets" array'),
    );
  }
  if (body.offsets.length === 0)
    throw new OffsetsBodyError(m.offsetsBodyInvalid('"offsets" is empty'));
  return body.offsets.map((entry: unknown, index: number) => {
    const where = `offsets[${index}]`;
    if (!isObject(entry) || !isObject(entry.partition)) {
      throw new OffsetsBodyError(m.offsetsBodyInvalid(`${where}.partition must be an object`));
    }
    const { kafka_topic: topic, kafka_partition: partition } = entry.partition;
    if (typeof topic !== 'string' || !/^[a-zA-Z0-9._-]{1,249}$/.test(topic)) {
      throw new OffsetsBodyError(
        m.offsetsBodyInvalid(`${where}.partition.kafka_topic must be a topic name`),
      );
    }
    if (!isCount(partition)) {
      throw new OffsetsBodyError(
        m.offsetsBodyInvalid(`${where}.partition.kafka_partition must be an integer ≥ 0`),
      );
    }
    if (entry.offset === null) return { topic, partition, offset: null };
    if (!isObject(entry.offset) || !isCount(entry.offset.kafka_offset)) {
      throw new OffsetsBodyError(
        m.offsetsBodyInvalid(`${where}.offset must be null or {"kafka_offset": an integer ≥ 0}`),
      );
    }
    return { topic, partition, offset: entry.offset.kafka_offset };
  });
}
