import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ASYNC_PAYLOAD_LIMIT_BYTES,
  elementBytes,
  fitsAlone,
  PayloadSizer,
  payloadLimitBytes,
  serializeBatch,
  SYNC_PAYLOAD_LIMIT_BYTES,
} from './payload-sizer';

const elements = [
  { payload: { topic: 't', partition: 0, offset: 1, key: null, value: 'plain ascii' } },
  { payload: { topic: 't', partition: 0, offset: 2, key: 'é', value: 'naïve ☃ 😀 中文' } },
  { payload: { topic: 't', partition: 0, offset: 3, key: 'k', value: { nested: ['ü', 1, null] } } },
];

describe('payload limits', () => {
  it("are Lambda's 6 MB sync and 1 MB async request limits", () => {
    assert.equal(SYNC_PAYLOAD_LIMIT_BYTES, 6_291_456);
    assert.equal(ASYNC_PAYLOAD_LIMIT_BYTES, 1_048_576);
    assert.equal(payloadLimitBytes('sync'), SYNC_PAYLOAD_LIMIT_BYTES);
    assert.equal(payloadLimitBytes('async'), ASYNC_PAYLOAD_LIMIT_BYTES);
  });
});

describe('elementBytes', () => {
  it('gives the JSON and its UTF-8 byte length, not its character count', () => {
    const serialized = elementBytes(elements[1]);
    assert.equal(serialized.json, JSON.stringify(elements[1]));
    assert.equal(serialized.bytes, Buffer.byteLength(JSON.stringify(elements[1]), 'utf8'));
    assert.ok(serialized.bytes > serialized.json.length);
  });
});

describe('serializeBatch', () => {
  it('is exactly JSON.stringify of the array', () => {
    const serialized = elements.map((e) => elementBytes(e));
    assert.equal(serializeBatch(serialized).toString('utf8'), JSON.stringify(elements));
    assert.equal(serializeBatch([]).toString('utf8'), '[]');
  });

  it('refuses a size that is not what the elements serialize to', () => {
    const serialized = elements.map((e) => elementBytes(e));
    const exact = Buffer.byteLength(JSON.stringify(elements));
    assert.equal(serializeBatch(serialized, exact).byteLength, exact);
    assert.throws(() => serializeBatch(serialized, exact + 1), /measured/);
  });
});

describe('PayloadSizer', () => {
  it('measures an empty batch as []', () => {
    const sizer = new PayloadSizer(SYNC_PAYLOAD_LIMIT_BYTES);
    assert.equal(sizer.bytes, 2);
    assert.equal(sizer.count, 0);
  });

  it('matches the byte length of the serialized batch after every element, multi-byte UTF-8 included', () => {
    const sizer = new PayloadSizer(SYNC_PAYLOAD_LIMIT_BYTES);
    for (let n = 1; n <= elements.length; n++) {
      sizer.add(elementBytes(elements[n - 1]).bytes);
      const expected = Buffer.byteLength(JSON.stringify(elements.slice(0, n)), 'utf8');
      assert.equal(sizer.bytes, expected);
      assert.equal(sizer.count, n);
    }
  });

  it('says whether the next element fits, allowing a batch of exactly the limit', () => {
    const first = elementBytes(elements[0]).bytes;
    const second = elementBytes(elements[1]).bytes;
    const exact = 2 + first + 1 + second;
    const sizer = new PayloadSizer(exact);
    sizer.add(first);
    assert.equal(sizer.bytesWith(second), exact);
    assert.equal(sizer.fits(second), true);
    assert.equal(sizer.fits(second + 1), false);
  });

  it('starts over after reset', () => {
    const sizer = new PayloadSizer(100);
    sizer.add(10);
    sizer.add(10);
    sizer.reset();
    assert.equal(sizer.bytes, 2);
    assert.equal(sizer.count, 0);
    assert.equal(sizer.bytesWith(10), 12);
  });
});

describe('fitsAlone', () => {
  it('counts the brackets of a one-element batch', () => {
    assert.equal(fitsAlone(98, 100), true);
    assert.equal(fitsAlone(99, 100), false);
  });
});
