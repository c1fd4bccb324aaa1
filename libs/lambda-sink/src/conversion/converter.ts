/**
 * A Kafka Connect-style converter: turns the bytes of a record's key or value into the
 * value that goes into the Lambda payload. Implementations are pure and stateless, so one
 * instance serves every partition.
 */
export interface Converter {
  /** The Connect class this converter stands in for; reported in `__connect.errors.class.name`. */
  readonly connectClass: string;

  /**
   * Converts one key or value. `null` (a missing key, a tombstone) converts to `null`.
   * @throws ConversionError when the bytes cannot be read.
   */
  toConnectData(bytes: Buffer | null): unknown;
}
