import type { AdminPort } from './admin.port';
import type {
  GroupConsumerEvents,
  GroupConsumerOptions,
  GroupConsumerPort,
} from './group-consumer.port';
import type { ProducerOptions, ProducerPort } from './producer.port';

/**
 * What the sink needs from a Kafka client library, as three small ports. The pipeline, the
 * reporter and the engine know only these; one folder per client library implements them
 * (`kafka/kafkajs/` today). A second client is added by implementing `KafkaClientPort` and
 * passing the contract suite in `test/kafka-ports/`.
 */
export interface KafkaClientPort {
  /** A member of consumer group `options.groupId`; not connected yet. */
  groupConsumer(options: GroupConsumerOptions, events: GroupConsumerEvents): GroupConsumerPort;
  /** An idempotent producer writing with acks=all; not connected yet. */
  producer(options?: ProducerOptions): ProducerPort;
  /** An admin client; not connected yet. */
  admin(): AdminPort;
}
