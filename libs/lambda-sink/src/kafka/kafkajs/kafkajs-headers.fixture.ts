import type { HeaderValue } from '../group-consumer.port';

// kafkajs' own record codec (no typings for its internals): specs decode headers exactly as the
// consumer does, slips included, instead of guessing the shape it hands over.
/* eslint-disable @typescript-eslint/no-require-imports */
const Encoder = require('kafkajs/src/protocol/encoder');
const Decoder = require('kafkajs/src/protocol/decoder');
const decodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/decoder');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The headers object kafkajs' consumer builds for a record carrying these headers, in order. */
export function kafkajsDecodedHeaders(
  headers: ReadonlyArray<readonly [name: string, value: Buffer | null]>,
): Record<string, HeaderValue> {
  const record = new Encoder()
    .writeInt8(0) // attributes
    .writeVarLong(0) // timestamp delta
    .writeVarInt(0) // offset delta
    .writeVarIntBytes(null) // key
    .writeVarIntBytes(null) // value
    .writeVarIntArray(
      headers.map(([name, value]) => new Encoder().writeVarIntString(name).writeVarIntBytes(value)),
    );
  return decodeRecord(new Decoder(record.buffer), { firstOffset: '0', firstTimestamp: '0' })
    .headers;
}
