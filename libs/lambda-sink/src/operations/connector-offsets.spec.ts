import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseOffsetsChange, toConnectOffsets } from './connector-offsets';

describe("KIP-875 offsets in Connect's sink shape", () => {
  it('writes group offsets as kafka_topic / kafka_partition / kafka_offset, sorted', () => {
    const body = toConnectOffsets([
      { topic: 'b', partition: 0, offset: 5 },
      { topic: 'a', partition: 1, offset: 7 },
      { topic: 'a', partition: 0, offset: 3 },
    ]);
    assert.deepEqual(body.offsets[0], {
      partition: { kafka_topic: 'a', kafka_partition: 0 },
      offset: { kafka_offset: 3 },
    });
    assert.deepEqual(
      body.offsets.map((o) => `${o.partition.kafka_topic}-${o.partition.kafka_partition}`),
      ['a-0', 'a-1', 'b-0'],
    );
  });

  it('reads a change: an offset to set, or null to reset the partition', () => {
    const changes = parseOffsetsChange({
      offsets: [
        { partition: { kafka_topic: 't', kafka_partition: 0 }, offset: { kafka_offset: 42 } },
        { partition: { kafka_topic: 't', kafka_partition: 1 }, offset: null },
      ],
    });
    assert.deepEqual(changes, [
      { topic: 't', partition: 0, offset: 42 },
      { topic: 't', partition: 1, offset: null },
    ]);
  });

  it('names what is wrong with a malformed body', () => {
    const bad: Array<[unknown, RegExp]> = [
      [null, /"offsets" array/],
      [{ offsets: [] }, /empty/],
      [{ offsets: [{ partition: { kafka_topic: 't' }, offset: null }] }, /kafka_partition/],
      [
        { offsets: [{ partition: { kafka_topic: '<b>', kafka_partition: 0 }, offset: null }] },
        /kafka_topic/,
      ],
      [
        {
          offsets: [
            { partition: { kafka_topic: 't', kafka_partition: 0 }, offset: { kafka_offset: -1 } },
          ],
        },
        /offsets\[0\]\.offset/,
      ],
      [
        { offsets: [{ partition: { kafka_topic: 't', kafka_partition: 0 } }] },
        /offsets\[0\]\.offset/,
      ],
    ];
    for (const [body, message] of bad) assert.throws(() => parseOffsetsChange(body), message);
  });
});
