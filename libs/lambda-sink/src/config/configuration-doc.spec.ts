import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_DEFAULTS } from './config-defaults';
import { KNOWN_PROPERTY_NAMES } from './lambda-sink-properties';

/** docs/CONFIGURATION.md, found from here whether this runs from the sources or from dist/. */
function configurationDoc(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const path = join(dir, 'docs', 'CONFIGURATION.md');
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error('docs/CONFIGURATION.md not found');
}

describe('docs/CONFIGURATION.md', () => {
  const doc = configurationDoc();

  it('documents every property the sink reads', () => {
    // The Schema Registry table lists each converter setting once, as `value.converter.*`.
    const documented = (name: string) =>
      doc.includes(`\`${name}\``) ||
      (name.startsWith('key.converter.') &&
        doc.includes(`\`${name.replace(/^key\./, 'value.')}\``));
    const missing = KNOWN_PROPERTY_NAMES.filter((name) => !documented(name));
    assert.deepEqual(missing, []);
  });

  it('states the defaults the code applies', () => {
    // The cells of the table row of a property: | property | type | default | example | meaning |
    const cells = (property: string) =>
      doc
        .split('\n')
        .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()))
        .find((row) => row[1] === `\`${property}\``) ?? [];
    const expected: Record<string, string | number | boolean> = {
      'tasks.max': CONFIG_DEFAULTS.tasksMax,
      'aws.lambda.invocation.type': CONFIG_DEFAULTS.invocationType,
      'aws.lambda.batch.size': CONFIG_DEFAULTS.batchSize,
      'aws.lambda.batch.max.wait.ms': CONFIG_DEFAULTS.batchMaxWaitMs,
      'aws.lambda.payload.format': CONFIG_DEFAULTS.payloadFormat,
      'aws.lambda.ordering': CONFIG_DEFAULTS.ordering,
      'aws.lambda.max.in.flight.per.partition': CONFIG_DEFAULTS.maxInFlightPerPartition,
      'aws.lambda.max.in.flight': CONFIG_DEFAULTS.maxInFlight,
      'aws.lambda.concurrency.adaptive': CONFIG_DEFAULTS.concurrencyAdaptive,
      'aws.lambda.socket.timeout': CONFIG_DEFAULTS.socketTimeoutMs,
      'aws.lambda.invoke.threads': CONFIG_DEFAULTS.invokeThreads,
      'behavior.on.error': CONFIG_DEFAULTS.behaviorOnError,
      'behavior.on.retries.exhausted': CONFIG_DEFAULTS.retriesExhausted,
      'aws.lambda.max.retries': CONFIG_DEFAULTS.maxRetries,
      'aws.lambda.retry.backoff.ms': CONFIG_DEFAULTS.retryBackoffMs,
      'aws.lambda.retry.backoff.max.ms': CONFIG_DEFAULTS.retryBackoffMaxMs,
      'aws.lambda.validate': CONFIG_DEFAULTS.validate,
      'consumer.override.auto.offset.reset': CONFIG_DEFAULTS.autoOffsetReset,
      'consumer.override.session.timeout.ms': CONFIG_DEFAULTS.sessionTimeoutMs,
      'consumer.override.heartbeat.interval.ms': CONFIG_DEFAULTS.heartbeatIntervalMs,
      'consumer.override.max.poll.interval.ms': CONFIG_DEFAULTS.maxPollIntervalMs,
      'consumer.override.max.partition.fetch.bytes': CONFIG_DEFAULTS.maxPartitionFetchBytes,
      'consumer.override.fetch.max.bytes': CONFIG_DEFAULTS.fetchMaxBytes,
      'consumer.override.metadata.max.age.ms': CONFIG_DEFAULTS.metadataMaxAgeMs,
      'security.protocol': CONFIG_DEFAULTS.securityProtocol,
      'errors.tolerance': CONFIG_DEFAULTS.errorsTolerance,
      'errors.deadletterqueue.context.headers.enable':
        CONFIG_DEFAULTS.deadLetterQueueContextHeaders,
      'errors.deadletterqueue.topic.replication.factor': CONFIG_DEFAULTS.replicationFactor,
      'reporter.result.topic.partitions': CONFIG_DEFAULTS.partitions,
      'errors.log.enable': CONFIG_DEFAULTS.errorsLogEnable,
      listeners: CONFIG_DEFAULTS.listeners,
      'shutdown.timeout.ms': CONFIG_DEFAULTS.shutdownTimeoutMs,
      'readiness.failed.partitions': CONFIG_DEFAULTS.readinessFailedPartitions,
    };
    for (const [property, value] of Object.entries(expected)) {
      const defaultCell = cells(property)[3] ?? '';
      assert.ok(defaultCell.includes(`\`${value}\``), `${property}: default ${value}`);
    }
  });
});
