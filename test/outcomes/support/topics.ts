import { ConfigResourceTypes } from 'kafkajs';
import { withAdmin } from '../../support/kafka';

/** Creates a one-partition topic whose record batches may not exceed `maxMessageBytes`. */
export async function createLimitedTopic(topic: string, maxMessageBytes: number): Promise<string> {
  await withAdmin((admin) =>
    admin.createTopics({
      topics: [
        {
          topic,
          numPartitions: 1,
          replicationFactor: 1,
          configEntries: [{ name: 'max.message.bytes', value: String(maxMessageBytes) }],
        },
      ],
      waitForLeaders: true,
    }),
  );
  return topic;
}

/** Changes a topic's `max.message.bytes`, as an operator fixing a too-small topic would. */
export async function setMaxMessageBytes(topic: string, maxMessageBytes: number): Promise<void> {
  await withAdmin((admin) =>
    admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: [{ name: 'max.message.bytes', value: String(maxMessageBytes) }],
        },
      ],
    }),
  );
}
