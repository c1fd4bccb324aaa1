import { ConfigService } from '@nestjs/config';
import type { LambdaSinkModuleOptions } from '@lambda-sink/nestjs';
import { HostMetrics } from './host-metrics.js';

/**
 * The sink's configuration from the host's environment (through `ConfigService`), in the
 * Connect property names the library validates. Credentials come from the environment and are
 * never logged by the library.
 */
export function sinkOptions(config: ConfigService, metrics: HostMetrics): LambdaSinkModuleOptions {
  return {
    properties: {
      name: config.get('SINK_NAME', 'orders-sink'),
      topics: config.getOrThrow('SINK_TOPICS'),
      'bootstrap.servers': config.get('KAFKA_BOOTSTRAP_SERVERS', 'localhost:9092'),
      'aws.lambda.function.name': config.getOrThrow('LAMBDA_FUNCTION_NAME'),
      'aws.lambda.region': config.get('AWS_REGION', 'us-east-1'),
      ...optional('aws.lambda.endpoint', config.get('LAMBDA_ENDPOINT')),
      ...optional('shutdown.timeout.ms', config.get('SINK_SHUTDOWN_TIMEOUT_MS')),
      ...optional('reporter.result.topic.replication.factor', config.get('SINK_REPLICATION')),
      ...optional('reporter.error.topic.replication.factor', config.get('SINK_REPLICATION')),
    },
    // The app serves its own routes while Kafka or Lambda are still coming up.
    autoStart: 'background',
    metricsRegistry: metrics.registry,
  };
}

function optional(name: string, value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [name]: value };
}
