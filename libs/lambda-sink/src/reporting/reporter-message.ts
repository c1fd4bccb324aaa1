import type { ProducibleHeaders } from './reporter-headers';

/**
 * A record for the result, error or dead letter queue topic, shaped so it can be handed to
 * kafkajs `producer.send({ messages })` as is. Kept here, not imported from kafkajs, so the
 * reporting core has no Kafka dependency.
 */
export interface ReporterMessage {
  key: Buffer | null;
  value: Buffer | string | null;
  /** Never null-valued: see `producibleHeaders`. */
  headers: ProducibleHeaders;
}
