import type { AdminPort, TopicSpec } from '../kafka';
import { StartupValidationError } from '../errors/lambda-errors';
import { describeError, messages } from '../errors/messages';

export interface ReporterTopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
}

/**
 * Creates the result / error / DLQ topics that do not exist yet, with the configured partitions
 * and replication factor. A factor larger than the cluster is refused up front with a message
 * that says which property to change — kafkajs would otherwise surface a bare protocol error.
 */
export async function ensureReporterTopics(
  admin: AdminPort,
  specs: ReporterTopicSpec[],
): Promise<string[]> {
  if (specs.length === 0) return [];
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.topic));
  if (missing.length === 0) return [];
  const brokers = await admin.brokerCount();
  for (const spec of missing) {
    if (spec.replicationFactor > brokers) {
      throw new StartupValidationError(
        messages.replicationFactorTooLarge(spec.topic, spec.replicationFactor, brokers),
        { topic: spec.topic },
      );
    }
  }
  const topics: TopicSpec[] = missing.map((s) => ({
    topic: s.topic,
    numPartitions: s.numPartitions,
    replicationFactor: s.replicationFactor,
  }));
  try {
    await admin.createTopics(topics);
  } catch (error) {
    // Another instance may have created it between listTopics and createTopics.
    const after = new Set(await admin.listTopics());
    const stillMissing = missing.filter((s) => !after.has(s.topic));
    if (stillMissing.length > 0) {
      throw new StartupValidationError(
        messages.topicCreationFailed(
          stillMissing.map((s) => s.topic).join(', '),
          describeError(error),
        ),
        {},
        { cause: error },
      );
    }
  }
  return missing.map((s) => s.topic);
}
