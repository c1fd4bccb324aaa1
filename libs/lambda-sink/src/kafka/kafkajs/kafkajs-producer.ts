import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { ProducerOptions, ProducerPort, ProducerRecord, SendFailure } from '../producer.port';
import { sendFailureOf } from './kafkajs-send-errors';

/** The producer port on kafkajs: idempotent, one request in flight, acks=all. */
export class KafkajsProducer implements ProducerPort {
  private readonly producer: Producer;

  constructor(kafka: Kafka, options: ProducerOptions = {}) {
    this.producer = kafka.producer({
      idempotent: true,
      // Idempotence in kafkajs keeps order only with one request in flight.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Named, not defaulted: the Java client's murmur2 partitioning, so a result keyed like its
      // input lands where a Java producer would put it (and kafkajs does not warn on every start).
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: options.retries ?? 5, initialRetryTime: 200, maxRetryTime: 5000 },
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(topic: string, records: readonly ProducerRecord[]): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages: [...records] });
  }

  classify(error: unknown): SendFailure {
    return sendFailureOf(error);
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
