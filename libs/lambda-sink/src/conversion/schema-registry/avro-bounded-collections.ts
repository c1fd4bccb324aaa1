import * as avro from 'avsc';

/** The part of avsc's (untyped) Tap these readers use: the bytes and the read position. */
interface Tap {
  buf: Buffer;
  pos: number;
  readLong(): number;
  skipLong(): void;
  readString(): string;
}

/** avsc's per-type reader, which its typings leave out. */
interface Readable {
  _read(tap: Tap): unknown;
}

/**
 * An array of items that take no bytes (`null`, an empty record, `fixed` of size 0) cannot be
 * bounded by the data, only by a count. Each item is at least `null,` (5 bytes) in the Lambda
 * payload, so past this many it could never fit the 6 MB sync limit and would be refused as too
 * large anyway: refusing it while reading keeps a six-byte record from allocating gigabytes.
 */
export const MAX_EMPTY_ITEMS = 1_300_000;

const zeroWidth = new WeakMap<avro.Type, boolean>();

/** Whether values of this type are encoded in zero bytes. */
function takesNoBytes(type: avro.Type, seen = new Set<avro.Type>()): boolean {
  const known = zeroWidth.get(type);
  if (known !== undefined) return known;
  // A record that contains itself is never zero-width in data that ends.
  if (seen.has(type)) return false;
  seen.add(type);
  let none: boolean;
  if (type instanceof avro.types.LogicalType) {
    none = takesNoBytes(type.underlyingType, seen);
  } else if (type.typeName === 'null') {
    none = true;
  } else if (type.typeName === 'fixed') {
    none = (type as avro.types.FixedType).size === 0;
  } else if (type.typeName === 'record' || type.typeName === 'error') {
    none = (type as avro.types.RecordType).fields.every((f) => takesNoBytes(f.type, seen));
  } else {
    none = false;
  }
  zeroWidth.set(type, none);
  return none;
}

/** A block's item count, which Avro writes negative when the block's byte size follows. */
function blockCount(tap: Tap): number {
  const count = tap.readLong();
  if (count >= 0) return count;
  tap.skipLong();
  return -count;
}

function tooMany(count: number, kind: string, left: number): Error {
  return new Error(
    `the data is corrupt: an ${kind} block claims ${count} items with ${Math.max(left, 0)} bytes left`,
  );
}

/**
 * avsc's array reader trusts each block's item count: `new Array(count)`, then one read per
 * item, past the end of the data if need be. A record of six bytes claiming 10^8 items ran the
 * service out of memory (a crash, and again after every restart, as its offset was never
 * committed). Every item takes at least a byte, so a count above the bytes left is corrupt.
 */
class BoundedArrayType extends avro.types.ArrayType {
  _read(tap: Tap): unknown[] {
    const items = this.itemsType as unknown as Readable & avro.Type;
    const empty = takesNoBytes(items);
    const values: unknown[] = [];
    for (let count = blockCount(tap); count !== 0; count = blockCount(tap)) {
      const left = tap.buf.length - tap.pos;
      if (empty && values.length + count > MAX_EMPTY_ITEMS) {
        throw new Error(
          `an array of more than ${MAX_EMPTY_ITEMS} items that take no bytes cannot fit a Lambda payload`,
        );
      }
      if (!empty && count > left) throw tooMany(count, 'array', left);
      for (let i = 0; i < count; i++) values.push(items._read(tap));
    }
    return values;
  }
}

/**
 * The map reader, bounded the same way (every entry has a key of at least one byte), and with
 * keys defined as own properties: avsc assigns them, so a key `__proto__` replaced the map's
 * prototype and the entry was lost.
 */
class BoundedMapType extends avro.types.MapType {
  _read(tap: Tap): Record<string, unknown> {
    const values = this.valuesType as unknown as Readable;
    const entries: Array<[string, unknown]> = [];
    for (let count = blockCount(tap); count !== 0; count = blockCount(tap)) {
      const left = tap.buf.length - tap.pos;
      if (count > left) throw tooMany(count, 'map', left);
      for (let i = 0; i < count; i++) entries.push([tap.readString(), values._read(tap)]);
    }
    return Object.fromEntries(entries);
  }
}

/** avsc's `typeHook`: arrays and maps read by the bounded readers above. */
export function boundedCollections(schema: avro.Schema, opts: avro.ForSchemaOptions) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return undefined;
  const { type } = schema as { type?: unknown };
  if (type === 'array') return new BoundedArrayType(schema, opts);
  if (type === 'map') return new BoundedMapType(schema, opts);
  return undefined;
}
