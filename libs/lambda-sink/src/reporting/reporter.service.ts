import { Inject, Injectable, Logger } from '@nestjs/common';
import { buildKafkaConfig } from '../config/kafka-client-config';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { KafkaClientPort, KafkaConnectionSettings } from '../kafka';
import { KafkajsClient } from '../kafka/kafkajs';
import { LAMBDA_SINK_OPTIONS } from '../lambda-sink.constants';
import { SinkMetrics } from '../operations/metrics/sink-metrics';
import { ReporterRetrier } from './reporter-retrier';
import { KafkaReporter } from './kafka-reporter';
import { ensureReporterTopics, type ReporterTopicSpec } from './reporter-topics';

/** Builds the Kafka client the reporter writes with (kafkajs unless a test gives another). */
export type KafkaClientFactory = (settings: KafkaConnectionSettings) => KafkaClientPort;

/**
 * Where results, errors and dead letters go, as one Nest provider: it creates the reporter's
 * topics at startup, owns the producer (on `confluent.topic.*`'s cluster, which may not be the
 * consumer's), and hands the pipeline the retrying writer.
 */
@Injectable()
export class ReporterService {
  private readonly logger = new Logger('LambdaSink');
  private readonly kafka: KafkaClientPort;
  private readonly reporter: KafkaReporter;
  /** The writer the pipeline uses: retries what Kafka refuses for a while, never drops. */
  readonly retrier: ReporterRetrier;

  constructor(
    @Inject(LAMBDA_SINK_OPTIONS) private readonly options: LambdaSinkOptions,
    metrics: SinkMetrics,
    kafkaClient: KafkaClientFactory = (settings) => new KafkajsClient(settings),
  ) {
    this.kafka = kafkaClient(buildKafkaConfig(options.reporter.connection));
    this.reporter = new KafkaReporter(this.kafka, metrics);
    this.retrier = new ReporterRetrier(this.reporter);
  }

  /** Creates the result, error and dead-letter topics that are missing, then connects. */
  async prepare(): Promise<void> {
    const specs = this.topicSpecs();
    if (specs.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureReporterTopics(admin, specs);
      if (created.length > 0) this.logger.log(`created reporter topic(s) ${created.join(', ')}`);
    } finally {
      await admin.disconnect();
    }
    await this.reporter.connect();
  }

  disconnect(): Promise<void> {
    return this.reporter.disconnect();
  }

  private topicSpecs(): ReporterTopicSpec[] {
    const { reporter, errors } = this.options;
    const specs: ReporterTopicSpec[] = [];
    if (reporter.resultTopic) {
      specs.push({
        topic: reporter.resultTopic,
        numPartitions: reporter.resultTopicPartitions,
        replicationFactor: reporter.resultTopicReplicationFactor,
      });
    }
    if (reporter.errorTopic) {
      specs.push({
        topic: reporter.errorTopic,
        numPartitions: reporter.errorTopicPartitions,
        replicationFactor: reporter.errorTopicReplicationFactor,
      });
    }
    if (errors.deadLetterQueueTopic) {
      specs.push({
        topic: errors.deadLetterQueueTopic,
        numPartitions: 1,
        replicationFactor: errors.deadLetterQueueReplicationFactor,
      });
    }
    return specs;
  }
}
