import { Kafka } from 'kafkajs';
import type { AdminPort } from '../admin.port';
import type { KafkaConnectionSettings } from '../connection-settings';
import type {
  GroupConsumerEvents,
  GroupConsumerOptions,
  GroupConsumerPort,
} from '../group-consumer.port';
import type { KafkaClientPort } from '../kafka-client.port';
import type { ProducerOptions, ProducerPort } from '../producer.port';
import { KafkajsAdmin } from './kafkajs-admin';
import { KafkajsGroupConsumer } from './kafkajs-group-consumer';
import { kafkajsLogLevel, nestLogCreator } from './kafkajs-log-creator';
import { KafkajsProducer } from './kafkajs-producer';

/** The Kafka client ports on kafkajs, for one cluster connection. */
export class KafkajsClient implements KafkaClientPort {
  private readonly kafka: Kafka;

  constructor(settings: KafkaConnectionSettings) {
    this.kafka = new Kafka({
      ...settings,
      logLevel: kafkajsLogLevel(),
      logCreator: nestLogCreator(),
    });
  }

  groupConsumer(options: GroupConsumerOptions, events: GroupConsumerEvents): GroupConsumerPort {
    return new KafkajsGroupConsumer(this.kafka, options, events);
  }

  producer(options?: ProducerOptions): ProducerPort {
    return new KafkajsProducer(this.kafka, options);
  }

  admin(): AdminPort {
    return new KafkajsAdmin(this.kafka);
  }
}
