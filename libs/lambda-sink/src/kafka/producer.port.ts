/** A header value the producer can write (Kafka allows null, but not every client can send it). */
export type ProducibleHeaderValue = Buffer | string | (Buffer | string)[];

export interface ProducerRecord {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, ProducibleHeaderValue | undefined>;
}

export interface ProducerOptions {
  /** Attempts of the client's own retries before `send` rejects (bounded, so outages surface). */
  retries?: number;
}

/**
 * What a failed `send` means, as the client library alone can tell from its errors:
 * - `too-large`: the request's record batch is over what the topic takes; fewer records may pass;
 * - `rejected`: the broker refused a record for good;
 * - `unencodable`: the write failed locally before any request left (the records themselves
 *   cannot be encoded); `what` names the error by class and code only, never its text;
 * - `unavailable`: anything else: broker away, leader moving, timeouts. Waiting can fix it.
 */
export type SendFailure =
  { kind: 'too-large' | 'rejected' | 'unavailable' } | { kind: 'unencodable'; what: string };

/** An idempotent producer that writes with acks=all. */
export interface ProducerPort {
  connect(): Promise<void>;
  /** Resolves once every record is acknowledged by all in-sync replicas. */
  send(topic: string, records: readonly ProducerRecord[]): Promise<void>;
  /** Reads an error `send` rejected with (also when wrapped as a cause). */
  classify(error: unknown): SendFailure;
  disconnect(): Promise<void>;
}
