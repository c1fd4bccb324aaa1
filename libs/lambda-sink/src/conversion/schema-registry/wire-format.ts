/**
 * Confluent's wire format: magic byte 0, the schema id as a big-endian int32, then the
 * serialized data; Protobuf data is preceded by the message indexes (which message of the
 * schema file it is). Reading this framing is all the sink does by hand; the data itself is
 * decoded by avsc / protobufjs.
 */
export const MAGIC_BYTE = 0;
const HEADER_BYTES = 5;

export interface FramedData {
  schemaId: number;
  /** The bytes after the header (for Protobuf, still with the message indexes). */
  data: Buffer;
}

/** The schema id and data, or undefined when the bytes are not in the wire format. */
export function readFraming(bytes: Buffer): FramedData | undefined {
  if (bytes.length < HEADER_BYTES || bytes[0] !== MAGIC_BYTE) return undefined;
  return { schemaId: bytes.readInt32BE(1), data: bytes.subarray(HEADER_BYTES) };
}

/** The id alone, for fetching schemas before a run of records is converted. */
export function schemaIdOf(bytes: Buffer | null): number | undefined {
  return bytes === null ? undefined : readFraming(bytes)?.schemaId;
}

export interface MessageIndexes {
  /** Path to the message: index among the file's messages, then among nested messages. */
  indexes: number[];
  data: Buffer;
}

/**
 * Confluent's message indexes: a zigzag varint count, then that many zigzag varint indexes;
 * a count of 0 is the shorthand for [0], the file's first message.
 * @returns undefined when the varints are malformed.
 */
export function readMessageIndexes(data: Buffer): MessageIndexes | undefined {
  let position = 0;
  const next = (): number | undefined => {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (position >= data.length) return undefined;
      const byte = data[position++];
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (result >>> 1) ^ -(result & 1);
    }
    return undefined;
  };
  const count = next();
  if (count === undefined || count < 0 || count > data.length) return undefined;
  if (count === 0) return { indexes: [0], data: data.subarray(position) };
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = next();
    if (index === undefined || index < 0) return undefined;
    indexes.push(index);
  }
  return { indexes, data: data.subarray(position) };
}
