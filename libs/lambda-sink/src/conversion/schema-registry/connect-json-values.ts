/**
 * How Connect's JsonConverter (schemas off) writes the Connect values that need a choice, and
 * so how the Confluent connector puts them into the Lambda payload. Shared by the three formats.
 */

/** BYTES (and Avro fixed): base64, as Jackson writes a byte[]. */
export function bytesToJson(bytes: Uint8Array | readonly number[]): string {
  // protobufjs gives an unset bytes field as a plain empty array.
  if (!(bytes instanceof Uint8Array)) return Buffer.from(bytes).toString('base64');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** FLOAT32/FLOAT64: a number; NaN and the infinities as Jackson writes them, strings. */
export function floatToJson(value: number): number | string {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/**
 * Connect's Decimal: JsonConverter's default `decimal.format=BASE64` writes the unscaled value's
 * minimal big-endian two's-complement bytes (`BigInteger.toByteArray()`), so redundant sign bytes
 * that Avro fixed or a padded encoding carry are dropped. The scale is in the schema only.
 */
export function decimalToJson(unscaled: Uint8Array): string {
  let start = 0;
  while (
    start < unscaled.length - 1 &&
    ((unscaled[start] === 0x00 && (unscaled[start + 1] & 0x80) === 0) ||
      (unscaled[start] === 0xff && (unscaled[start + 1] & 0x80) !== 0))
  ) {
    start++;
  }
  const minimal = unscaled.length === 0 ? Uint8Array.of(0) : unscaled.subarray(start);
  return bytesToJson(minimal);
}

const MS_PER_DAY = 86_400_000;

/** Connect's Date: days since the epoch (an int32), as JsonConverter writes it. */
export function dateToJson(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}
