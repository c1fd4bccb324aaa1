import { Allow } from 'class-validator';
import * as m from './config-messages';
import { isTopicName } from './property-parsers';
import { AnyValueRule } from './property-rule';
import {
  IsHostPortList,
  IsIntegerText,
  IsReplicationFactor,
  IsTopicNameOrEmpty,
} from './property-rules';

/** The reporter topic defaults, derived from the connector name as Confluent does. */
export const reporterTopicDefaults = (name: string) => ({
  result: `${name}-success`,
  error: `${name}-error`,
});

/**
 * Connect allows spaces and more in `name`, which then make an illegal default topic name.
 * Reported on the topic property, the one the user can set to fix it.
 */
const DefaultTopicIsValid = (kind: 'result' | 'error') =>
  AnyValueRule<ReporterProperties>('defaultTopicIsValid', (value, reporter) => {
    if (value !== undefined || reporter.connectorName === undefined) return undefined;
    const topic = reporterTopicDefaults(reporter.connectorName)[kind];
    return isTopicName(topic) ? undefined : m.defaultTopicInvalid(topic);
  });

/** Where results and errors are written (`reporter.*`; its security is a `KafkaSecurityProperties`). */
export class ReporterProperties {
  @IsHostPortList()
  'reporter.bootstrap.servers'?: string;

  // This project's addition; defaults to `${client.id}-reporter`.
  @Allow()
  'reporter.client.id'?: string;

  @DefaultTopicIsValid('result')
  @IsTopicNameOrEmpty()
  'reporter.result.topic.name'?: string;

  @DefaultTopicIsValid('error')
  @IsTopicNameOrEmpty()
  'reporter.error.topic.name'?: string;

  @IsReplicationFactor()
  'reporter.result.topic.replication.factor'?: string;

  @IsIntegerText(1)
  'reporter.result.topic.partitions'?: string;

  @IsReplicationFactor()
  'reporter.error.topic.replication.factor'?: string;

  @IsIntegerText(1)
  'reporter.error.topic.partitions'?: string;

  constructor(
    values: Record<string, string | undefined>,
    /** `name`, for the default topic names; not a property of this group. */
    readonly connectorName?: string,
  ) {
    Object.assign(this, values);
  }
}
