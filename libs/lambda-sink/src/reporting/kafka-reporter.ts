import type { KafkaClientPort, ProducerPort, ProducerRecord, SendFailure } from '../kafka';
import { ReporterError } from '../errors/lambda-errors';
import { describeError, messages } from '../errors/messages';
import type { SinkMetrics } from '../operations/metrics/sink-metrics';

export type ReporterKind = 'result' | 'error' | 'dlq';

/**
 * The producer behind the result, error and dead letter queue topics.
 * Idempotent with acks=all: a partition's offset is committed only after `send` resolves,
 * so a record acknowledged here survives any crash of the sink that follows.
 */
export class KafkaReporter {
  private readonly producer: ProducerPort;
  private connected = false;

  constructor(
    kafka: KafkaClientPort,
    private readonly metrics: SinkMetrics,
  ) {
    // Bounded retries, so a dead reporter broker surfaces to the caller (which keeps the offset
    // and retries) instead of blocking a shutdown forever inside the client.
    this.producer = kafka.producer({ retries: 5 });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async send(kind: ReporterKind, topic: string, records: ProducerRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      await this.producer.send(topic, records);
    } catch (error) {
      this.metrics.reporterErrors.inc({ kind });
      throw new ReporterError(
        messages.reporterFailed(topic, describeError(error)),
        { topic },
        { cause: error },
      );
    }
    this.metrics.reporterRecords.inc({ kind }, records.length);
  }

  /** What an error `send` threw means (only the client library can tell). */
  classify(error: unknown): SendFailure {
    return this.producer.classify(error);
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
