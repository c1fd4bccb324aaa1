import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as protobuf from 'protobufjs';
import { protobufReader } from './protobuf-reader';

// Schemas as Confluent's registry returns them: .proto text, imports as references.
const common = `syntax = "proto3";
package shop.common;
message Money { string currency = 1; int64 cents = 2; }`;

const order = `syntax = "proto3";
package shop;
import "shop/common.proto";
import "google/type/date.proto";
import "google/type/timeofday.proto";
import "confluent/type/decimal.proto";
import "google/protobuf/wrappers.proto";
message Header { string id = 1; }
message Order {
  shop.common.Money total = 1;
  google.type.Date due = 2;
  google.type.TimeOfDay cutoff = 3;
  confluent.type.Decimal rate = 4;
  google.protobuf.StringValue note = 5;
  map<int64, bool> flags = 6;
  message Line { string sku = 1; }
  repeated Line lines = 7;
}`;

/** Encodes with protobufjs from the same text and frames it with message indexes. */
function encode(typeName: string, value: object, indexes: number[]): Buffer {
  const root = new protobuf.Root();
  protobuf.parse(common, root, { keepCase: true });
  for (const name of ['google/protobuf/wrappers.proto']) {
    root.addJSON((protobuf.common.get(name) as protobuf.INamespace).nested!);
  }
  protobuf.parse(
    'syntax = "proto3"; package google.type; message Date { int32 year = 1; int32 month = 2; int32 day = 3; } message TimeOfDay { int32 hours = 1; int32 minutes = 2; int32 seconds = 3; int32 nanos = 4; }',
    root,
  );
  protobuf.parse(
    'syntax = "proto3"; package confluent.type; message Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }',
    root,
  );
  protobuf.parse(order, root, { keepCase: true });
  const type = root.lookupType(typeName);
  const data = Buffer.from(type.encode(type.fromObject(value)).finish());
  const zigzag = (n: number) => (n << 1) ^ (n >> 31);
  const prefix =
    indexes.length === 1 && indexes[0] === 0 ? [0] : [indexes.length, ...indexes].map(zigzag);
  return Buffer.concat([Buffer.from(prefix), data]);
}

describe('protobufReader on .proto text with references', () => {
  const reader = protobufReader(
    { schema: order, schemaType: 'PROTOBUF' },
    [{ schema: common, schemaType: 'PROTOBUF' }],
    { generateIndexForUnions: true },
  );

  it('maps the well-known types Connect gives logical types to, and maps with other keys', () => {
    const bytes = encode(
      'shop.Order',
      {
        total: { currency: 'EUR', cents: 1250 },
        due: { year: 2024, month: 3, day: 1 },
        cutoff: { hours: 1, minutes: 2, seconds: 3, nanos: 4_000_000 },
        rate: { value: Buffer.from([0x30, 0x39]), precision: 5, scale: 2 },
        note: { value: 'n' },
        flags: { '5': true },
        lines: [{ sku: 'a' }, { sku: 'b' }],
      },
      [1],
    );
    assert.deepEqual(reader.read(bytes), {
      total: { currency: 'EUR', cents: 1250 },
      due: 19_783,
      cutoff: 3_723_004,
      rate: 'MDk=',
      // A wrapper is a struct with its value (wrapper.for.nullables=false, the default).
      note: { value: 'n' },
      flags: [[5, true]],
      lines: [{ sku: 'a' }, { sku: 'b' }],
    });
  });

  it('reads the first message with the one-byte index and a nested one by its path', () => {
    assert.deepEqual(reader.read(encode('shop.Header', { id: 'h' }, [0])), { id: 'h' });
    assert.deepEqual(reader.read(encode('shop.Order.Line', { sku: 's' }, [1, 0])), { sku: 's' });
  });

  it('refuses indexes that name no message', () => {
    assert.throws(() => reader.read(Buffer.from([4, 2, 8])), /no message at indexes \[1, 4\]/);
    assert.throws(() => reader.read(Buffer.from([0x80])), /message indexes .* malformed/);
  });
});
