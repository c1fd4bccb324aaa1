import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConversionError } from '../conversion/conversion-error';
import type { Converter } from '../conversion/converter';
import { StringConverter } from '../conversion/string-converter';
import { RecordSerializer, type FetchedBatch } from './record-serializer';

/** Reads "deep" as a value nested far past what JSON.stringify can write; anything else as text. */
const deepValueConverter: Converter = {
  connectClass: 'test.DeepValueConverter',
  toConnectData(bytes) {
    if (bytes?.toString() !== 'deep') return bytes?.toString() ?? null;
    let value: unknown = null;
    for (let i = 0; i < 200_000; i++) value = { v: value };
    return value;
  },
};

function batch(values: string[]): FetchedBatch {
  return {
    topic: 't',
    partition: 0,
    messages: values.map((value, i) => ({
      offset: String(i),
      key: null,
      value: Buffer.from(value),
      headers: {},
      timestamp: '0',
    })),
  };
}

describe('RecordSerializer', () => {
  const serializer = new RecordSerializer(new StringConverter(), deepValueConverter);

  it('stops at a record the payload cannot hold, handing it over as a conversion error', async () => {
    const run = await serializer.serializeRun(batch(['a', 'deep', 'c']), 0);
    assert.deepEqual(
      run.serialized.map((s) => s.record.offset),
      [0],
    );
    assert.equal(run.nextIndex, 1);
    assert.equal(run.failure?.record.offset, '1');
    assert.ok(run.failure?.error instanceof ConversionError);
    assert.match(run.failure.error.message, /t-0@1/);
  });

  it('goes on after it from the next index', async () => {
    const run = await serializer.serializeRun(batch(['a', 'deep', 'c']), 2);
    assert.deepEqual(
      run.serialized.map((s) => s.record.offset),
      [2],
    );
    assert.equal(run.failure, undefined);
  });
});
