import * as m from './config-messages';
import type { ErrorsTolerance, ReadinessFailedPartitions } from './lambda-sink-options';
import { AnyValueRule } from './property-rule';
import {
  IsBooleanText,
  IsConverterClass,
  IsHttpUrlList,
  IsIntegerText,
  IsOneOf,
  IsConnectorClass,
  IsRegex,
  IsReplicationFactor,
  IsRequired,
  IsTopicList,
  IsTopicNameOrEmpty,
} from './property-rules';

export const READINESS_FAILED_PARTITIONS: readonly ReadinessFailedPartitions[] = ['down', 'up'];

/** The Confluent class a migrating user has in their file, and this project's own. */
export const CONNECTOR_CLASSES = [
  'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector',
  'LambdaSinkConnector',
] as const;
export const ERRORS_TOLERANCES: readonly ErrorsTolerance[] = ['none', 'all'];

type Properties = Record<string, string | undefined>;

/** Connect's rule: a sink subscribes either to a list or to a pattern. */
const ExactlyOneOfTopicsOrRegex = () =>
  AnyValueRule<Properties>('topicsOrRegex', (topics, properties) => {
    const regex = properties['topics.regex'];
    if (topics === undefined && regex === undefined) return m.topicsRequired();
    if (topics !== undefined && regex !== undefined) return m.topicsExclusive();
    return undefined;
  });

/**
 * The connector itself: what it is called, what it reads, how records are converted and what
 * happens to records that cannot be, and the sink's own process settings.
 */
export class ConnectorProperties {
  @IsRequired()
  name?: string;

  @IsConnectorClass(CONNECTOR_CLASSES)
  'connector.class'?: string;

  @IsIntegerText(1)
  'tasks.max'?: string;

  @ExactlyOneOfTopicsOrRegex()
  @IsTopicList()
  topics?: string;

  @IsRegex()
  'topics.regex'?: string;

  @IsConverterClass()
  'key.converter'?: string;

  @IsConverterClass()
  'value.converter'?: string;

  @IsBooleanText()
  'key.converter.schemas.enable'?: string;

  @IsBooleanText()
  'value.converter.schemas.enable'?: string;

  @IsOneOf(ERRORS_TOLERANCES)
  'errors.tolerance'?: string;

  @IsTopicNameOrEmpty()
  'errors.deadletterqueue.topic.name'?: string;

  @IsBooleanText()
  'errors.deadletterqueue.context.headers.enable'?: string;

  @IsReplicationFactor()
  'errors.deadletterqueue.topic.replication.factor'?: string;

  @IsBooleanText()
  'errors.log.enable'?: string;

  @IsHttpUrlList()
  listeners?: string;

  @IsIntegerText(0)
  'shutdown.timeout.ms'?: string;

  // This project's addition: whether a FAILED partition takes readiness DOWN.
  @IsOneOf(READINESS_FAILED_PARTITIONS)
  'readiness.failed.partitions'?: string;
}
