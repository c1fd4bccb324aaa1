import { Allow } from 'class-validator';
import type { AutoOffsetReset } from './lambda-sink-options';
import { IsHostPortList, IsIntegerText, IsOneOf, IsRequired } from './property-rules';

export const AUTO_OFFSET_RESETS: readonly AutoOffsetReset[] = ['earliest', 'latest'];

/** Where the consumer connects and which group it joins (security is in `KafkaSecurityProperties`). */
export class KafkaProperties {
  @IsRequired()
  @IsHostPortList()
  'bootstrap.servers'?: string;

  // Any string is a valid group id; the default `connect-${name}` is Connect's own, so a
  // migrating user keeps the offsets their connector committed.
  @Allow()
  'group.id'?: string;

  @Allow()
  'client.id'?: string;

  // Connect sinks read from the beginning of a topic the group has never committed on.
  @IsOneOf(AUTO_OFFSET_RESETS)
  'consumer.override.auto.offset.reset'?: string;

  // The Java consumer's names for what kafkajs calls sessionTimeout, heartbeatInterval,
  // rebalanceTimeout, maxBytesPerPartition and maxBytes, so a Connect file's overrides carry over.
  @IsIntegerText(1000)
  'consumer.override.session.timeout.ms'?: string;

  @IsIntegerText(100)
  'consumer.override.heartbeat.interval.ms'?: string;

  @IsIntegerText(1000)
  'consumer.override.max.poll.interval.ms'?: string;

  @IsIntegerText(1024)
  'consumer.override.max.partition.fetch.bytes'?: string;

  @IsIntegerText(1024)
  'consumer.override.fetch.max.bytes'?: string;

  @IsIntegerText(100)
  'consumer.override.metadata.max.age.ms'?: string;
}
