/**
 * A Kafka Connect-style converter: turns the bytes of a record's key or value into the
 * value that goes into the Lambda payload. One instance serves every partition.
 */
export interface Converter {
  /** The Connect class this converter stands in for; reported in `__connect.errors.class.name`. */
  readonly connectClass: string;

  /**
   * For converters that need more than the bytes (the Schema Registry converters fetch schemas
   * by id): makes ready what converting these keys or values needs, so that `toConnectData`
   * stays synchronous. Called before a run of records is converted. Transient failures (the
   * registry is down) are retried here until they pass or `until` says to stop.
   * @throws the last transient error when told to stop while it persists.
   */
  prepare?(parts: readonly (Buffer | null)[], until: PrepareControls): Promise<void>;

  /**
   * Converts one key or value. `null` (a missing key, a tombstone) converts to `null`.
   * @throws ConversionError when the bytes cannot be read.
   */
  toConnectData(bytes: Buffer | null): unknown;
}

/** When a converter's preparation must give up retrying (shutdown, rebalance, revocation). */
export interface PrepareControls {
  shouldStop(): boolean;
  readonly signal: AbortSignal;
}
