import * as avro from 'avsc';
import { recordUnreadable } from '../conversion-messages';
import { boundedCollections } from './avro-bounded-collections';
import { bytesToJson, decimalToJson, floatToJson } from './connect-json-values';
import type { RegisteredSchema } from './schema-registry-client';
import type { RecordReader } from './record-reader';

/**
 * Keeps `decimal` visible to the walk below (avsc drops logical types it has no class for) and
 * leaves the bytes as they are; every other logical type is read as its underlying type, which
 * is also what Connect's JsonConverter writes for it (date: days, time-millis: ms of the day,
 * timestamp-millis: epoch ms; micros and local-timestamp are plain longs in Connect).
 */
class DecimalType extends avro.types.LogicalType {
  override _fromValue(value: unknown): unknown {
    return value;
  }
  override _toValue(value: unknown): unknown {
    return value;
  }
}

/**
 * Longs past 2^53, which avsc refuses to read ("potential precision loss"), are read as the
 * nearest JSON number: a payload number is a double for every JSON reader anyway, and a record
 * that Connect reads must not become a data error here.
 */
const LongAsNumber = avro.types.LongType.__with({
  fromBuffer: (buffer: Buffer) => Number(buffer.readBigInt64LE()),
  toBuffer: (value: number) => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64LE(BigInt(value));
    return buffer;
  },
  fromJSON: Number,
  toJSON: Number,
  isValid: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
  compare: (a: number, b: number) => a - b,
});

export interface AvroReadOptions {
  /** AvroConverter's `enhanced.avro.schema.support`: union members named by full name. */
  enhancedSchemaSupport: boolean;
}

/**
 * Parses an Avro schema (and, first, the schemas it references) with avsc. Unions are read
 * wrapped (`{branch: value}`) so the walk knows which branch a value took, as Connect does.
 */
export function avroReader(
  schema: RegisteredSchema,
  references: readonly RegisteredSchema[],
  options: AvroReadOptions,
  schemaId: number,
): RecordReader {
  const registry: Record<string, avro.Type> = { long: LongAsNumber };
  const parse = (text: string) =>
    avro.Type.forSchema(JSON.parse(text) as avro.Schema, {
      registry,
      wrapUnions: true,
      logicalTypes: { decimal: DecimalType },
      typeHook: boundedCollections,
    });
  for (const reference of references) parse(reference.schema);
  const type = parse(schema.schema);
  return {
    read(data: Buffer): unknown {
      // decode, not fromBuffer: trailing bytes are ignored, as Confluent's deserializer does.
      const { value, offset } = type.decode(data, 0);
      if (offset < 0) throw new Error(recordUnreadable(schemaId, 'Avro', 'the data is truncated'));
      return avroToConnectJson(type, value, options);
    },
  };
}

/**
 * An Avro value as the Confluent connector sends it: AvroConverter's Connect data written by
 * JsonConverter without schemas. See docs/CONFIGURATION.md, "Schema Registry converters".
 */
export function avroToConnectJson(
  type: avro.Type,
  value: unknown,
  options: AvroReadOptions,
): unknown {
  if (value === null || value === undefined) return null;
  if (type instanceof DecimalType) return decimalToJson(value as Buffer);
  switch (type.typeName) {
    case 'record':
    case 'error': {
      // Object.fromEntries defines own properties: assigning a name `__proto__` would not.
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        (type as avro.types.RecordType).fields.map((field) => [
          field.name,
          avroToConnectJson(field.type, record[field.name], options),
        ]),
      );
    }
    case 'union:wrapped':
      return unionToJson(type as avro.types.WrappedUnionType, value, options);
    case 'array': {
      const items = (type as avro.types.ArrayType).itemsType;
      return (value as unknown[]).map((item) => avroToConnectJson(items, item, options));
    }
    case 'map': {
      const values = (type as avro.types.MapType).valuesType;
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [
          key,
          avroToConnectJson(values, item, options),
        ]),
      );
    }
    case 'bytes':
    case 'fixed':
      return bytesToJson(value as Buffer);
    case 'float':
    case 'double':
      return floatToJson(value as number);
    default:
      // string, enum (its symbol), int, long, boolean: already what JSON carries.
      return value;
  }
}

/**
 * Connect's rule (AvroData): `[null, X]` is an optional X; any other union is a struct with one
 * field per non-null member, all null but the one the value took.
 */
function unionToJson(
  type: avro.types.WrappedUnionType,
  wrapped: unknown,
  options: AvroReadOptions,
): unknown {
  const [branchName] = Object.keys(wrapped as object);
  const branch = type.types.find((member) => member.branchName === branchName);
  if (branch === undefined) return null;
  const inner = (wrapped as Record<string, unknown>)[branchName];
  const members = type.types.filter((member) => member.typeName !== 'null');
  if (type.types.length === 2 && members.length === 1) {
    return avroToConnectJson(branch, inner, options);
  }
  const out: Record<string, unknown> = {};
  for (const member of members) {
    out[memberFieldName(member, options)] =
      member === branch ? avroToConnectJson(member, inner, options) : null;
  }
  return out;
}

/** AvroData's union member field name: a named type's name, else the Avro type's name. */
function memberFieldName(member: avro.Type, options: AvroReadOptions): string {
  const underlying = member instanceof DecimalType ? member.underlyingType : member;
  const named = ['record', 'error', 'enum', 'fixed'].includes(underlying.typeName);
  if (!named) return underlying.typeName;
  const fullName = underlying.name as string;
  return options.enhancedSchemaSupport ? fullName : fullName.slice(fullName.lastIndexOf('.') + 1);
}
