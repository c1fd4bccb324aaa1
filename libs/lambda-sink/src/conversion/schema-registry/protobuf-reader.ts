import * as protobuf from 'protobufjs';
import { messageIndexesInvalid, messageIndexesUnknown } from '../conversion-messages';
import { bytesToJson, dateToJson, decimalToJson, floatToJson } from './connect-json-values';
import { messageAt, protobufFile } from './protobuf-schema';
import type { RecordReader } from './record-reader';
import type { RegisteredSchema } from './schema-registry-client';
import { readMessageIndexes } from './wire-format';

export interface ProtobufReadOptions {
  /** ProtobufConverter's `generate.index.for.unions` (default true): oneof field `<name>_<index>`. */
  generateIndexForUnions: boolean;
}

type Message = Record<string, unknown>;

/** Reads Protobuf data (message indexes, then the message) with protobufjs. */
export function protobufReader(
  schema: RegisteredSchema,
  references: readonly RegisteredSchema[],
  options: ProtobufReadOptions,
): RecordReader {
  const file = protobufFile(schema, references);
  return {
    read(data: Buffer): unknown {
      const framed = readMessageIndexes(data);
      if (framed === undefined) throw new Error(messageIndexesInvalid());
      const type = messageAt(file, framed.indexes);
      if (type === undefined) throw new Error(messageIndexesUnknown(framed.indexes));
      const message = type.decode(framed.data) as unknown as Message;
      return messageToJson(type, message, options);
    },
  };
}

/**
 * A Protobuf message as the Confluent connector sends it: ProtobufConverter's Connect data
 * written by JsonConverter without schemas. See docs/CONFIGURATION.md.
 */
export function messageToJson(
  type: protobuf.Type,
  message: Message,
  options: ProtobufReadOptions,
): unknown {
  const logical = logicalValue(type, message);
  if (logical !== undefined) return logical;
  const out: Record<string, unknown> = {};
  const oneofs = type.oneofsArray.filter((oneof) => !isSyntheticOneof(oneof));
  type.oneofsArray.forEach((oneof, index) => {
    if (isSyntheticOneof(oneof)) return;
    const set = oneof.fieldsArray.find((field) => has(message, field.name));
    const name = options.generateIndexForUnions ? `${oneof.name}_${index}` : oneof.name;
    if (set === undefined) {
      out[name] = null;
      return;
    }
    const union: Record<string, unknown> = {};
    for (const field of oneof.fieldsArray) {
      union[field.name] = field === set ? fieldToJson(field, message, options) : null;
    }
    out[name] = union;
  });
  for (const field of type.fieldsArray) {
    if (field.partOf && oneofs.includes(field.partOf)) continue;
    out[field.name] = fieldToJson(field, message, options);
  }
  return out;
}

// proto3 `optional` is a oneof of one field that protoc adds; Connect sees a plain optional field.
function isSyntheticOneof(oneof: protobuf.OneOf): boolean {
  return oneof.fieldsArray.length === 1 && oneof.fieldsArray[0].options?.proto3_optional === true;
}

function has(message: Message, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(message, name);
}

function fieldToJson(
  field: protobuf.Field,
  message: Message,
  options: ProtobufReadOptions,
): unknown {
  const value = message[field.name];
  if (field instanceof protobuf.MapField) {
    const entries = Object.entries((value ?? {}) as Record<string, unknown>).map(
      ([key, item]) => [mapKey(field.keyType, key), valueToJson(field, item, options)] as const,
    );
    // JsonConverter writes a map with string keys as an object, any other as [key, value] pairs.
    return field.keyType === 'string'
      ? Object.fromEntries(entries)
      : entries.map(([key, item]) => [key, item]);
  }
  if (field.repeated) {
    return ((value ?? []) as unknown[]).map((item) => valueToJson(field, item, options));
  }
  // A message field that is not set, and a proto3 `optional` one, are null in Connect; a plain
  // scalar that is not set reads as its default, as protobuf-java's getField gives it.
  if (!has(message, field.name)) {
    const optional = field.resolvedType instanceof protobuf.Type || field.options?.proto3_optional;
    if (optional) return null;
  }
  return valueToJson(field, value, options);
}

function valueToJson(field: protobuf.Field, value: unknown, options: ProtobufReadOptions): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    return value === null || value === undefined
      ? null
      : messageToJson(resolved, value as Message, options);
  }
  if (resolved instanceof protobuf.Enum) {
    // ProtobufConverter gives the symbol; a number the schema does not know stays a number.
    return resolved.valuesById[value as number] ?? value;
  }
  switch (field.type) {
    case 'bytes':
      return bytesToJson((value ?? new Uint8Array(0)) as Uint8Array);
    case 'float':
    case 'double':
      return floatToJson(value as number);
    case 'int64':
    case 'sint64':
    case 'sfixed64':
    case 'uint64':
    case 'fixed64':
      // Connect has no unsigned 64-bit type: uint64/fixed64 are int64 there, as in protobuf-java.
      return toSignedNumber(value);
    default:
      return value;
  }
}

function toSignedNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  const long = value as protobuf.Long;
  return protobuf.util.LongBits.from(long).toNumber(false);
}

/** protobufjs keys maps by string; 64-bit keys by an 8-character hash. */
function mapKey(keyType: string, key: string): unknown {
  switch (keyType) {
    case 'string':
      return key;
    case 'bool':
      return key === 'true';
    case 'int64':
    case 'sint64':
    case 'sfixed64':
    case 'uint64':
    case 'fixed64':
      return key.length === 8 ? protobuf.util.LongBits.fromHash(key).toNumber(false) : Number(key);
    default:
      return Number(key);
  }
}

/** The well-known messages ProtobufConverter turns into Connect logical types. */
function logicalValue(type: protobuf.Type, message: Message): unknown {
  const int = (name: string) => Number(toSignedNumber(message[name] ?? 0));
  switch (type.fullName) {
    case '.google.protobuf.Timestamp':
      return int('seconds') * 1000 + Math.floor(int('nanos') / 1e6);
    case '.google.type.Date':
      return dateToJson(int('year'), int('month'), int('day'));
    case '.google.type.TimeOfDay':
      return (
        ((int('hours') * 60 + int('minutes')) * 60 + int('seconds')) * 1000 +
        Math.floor(int('nanos') / 1e6)
      );
    case '.confluent.type.Decimal':
      return decimalToJson((message.value ?? new Uint8Array(0)) as Uint8Array);
    default:
      return undefined;
  }
}
