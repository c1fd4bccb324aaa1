import { Allow } from 'class-validator';
import * as m from './config-messages';
import { CONFIG_DEFAULTS } from './config-defaults';
import { parseBoolean, parseInteger } from './property-parsers';
import { readFilterCriteria } from '../filtering/filter-criteria';
import { AnyValueRule, PropertyRule } from './property-rule';
import { CONFIGURATION_MODES } from './topic-function-map';
import type {
  BehaviorOnError,
  InvocationType,
  Ordering,
  PayloadFormat,
  RetriesExhaustedBehavior,
} from './lambda-sink-options';
import {
  IsAtLeastProperty,
  IsAwsRegion,
  IsBooleanText,
  IsCredentialsProvider,
  IsHttpUrl,
  IsIntegerText,
  IsLambdaFunctionName,
  IsOneOf,
  RequiredTogetherWith,
} from './property-rules';

const IsFilterCriteria = () =>
  PropertyRule('isFilterCriteria', (value) => {
    const { problems } = readFilterCriteria(value);
    return problems.length === 0 ? undefined : m.mustBeFilterCriteria(problems);
  });

const ASSUME_ROLE_PROVIDER = /(^|\.)AWSAssumeRoleCredentialsProvider$/;

const IsRoleArn = () =>
  PropertyRule('isRoleArn', (value) =>
    /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(value) ? undefined : m.mustBeRoleArn(),
  );

const IsStsName = (min: number, max: number, pattern: RegExp) =>
  PropertyRule('isStsName', (value) =>
    value.length >= min && value.length <= max && pattern.test(value)
      ? undefined
      : m.mustBeStsName(min, max),
  );

const RequiresRoleArn = () =>
  AnyValueRule<Record<string, string | undefined>>('requiresRoleArn', (value, properties) =>
    value !== undefined && properties['aws.credentials.provider.role.arn'] === undefined
      ? m.requiresRoleArn()
      : undefined,
  );

const RequiresProxyUrl = () =>
  AnyValueRule<Record<string, string | undefined>>('requiresProxyUrl', (value, properties) =>
    value !== undefined && properties['aws.lambda.proxy.url'] === undefined
      ? m.requiresProxyUrl()
      : undefined,
  );

/** An AWS-trigger error control that acts on responses: only sync invocations have them. */
const RequiresSyncWhen = (isOn: (value: string) => boolean) =>
  PropertyRule<Record<string, string | undefined>>('requiresSync', (value, properties) =>
    isOn(value) && properties['aws.lambda.invocation.type']?.toLowerCase() === 'async'
      ? m.requiresSyncInvocation()
      : undefined,
  );

const IsRecordAge = () =>
  PropertyRule('isRecordAge', (value) => {
    const parsed = parseInteger(value);
    return parsed === -1 || (parsed !== undefined && parsed >= 1) ? undefined : m.mustBeRecordAge();
  });

const RequiredForAssumeRoleProvider = () =>
  AnyValueRule<Record<string, string | undefined>>('requiredForAssumeRole', (value, properties) =>
    value === undefined &&
    ASSUME_ROLE_PROVIDER.test(properties['aws.credentials.provider.class'] ?? '')
      ? m.requiredForAssumeRoleProvider()
      : undefined,
  );

export const INVOCATION_TYPES: readonly InvocationType[] = ['sync', 'async'];
export const ORDERINGS: readonly Ordering[] = ['partition', 'key', 'none'];
export const PAYLOAD_FORMATS: readonly PayloadFormat[] = ['connect', 'esm'];
export const BEHAVIORS_ON_ERROR: readonly BehaviorOnError[] = ['fail', 'log', 'ignore'];
export const RETRIES_EXHAUSTED_BEHAVIORS: readonly RetriesExhaustedBehavior[] = [
  'fail',
  'behavior.on.error',
];

// In multiple mode each topic's function comes from aws.lambda.topic2function.map instead.
const RequiredInSingleMode = () =>
  AnyValueRule<Record<string, string | undefined>>('isRequired', (value, properties) =>
    value === undefined && properties['aws.lambda.configuration.mode']?.toLowerCase() !== 'multiple'
      ? m.isRequired()
      : undefined,
  );

/** The function, how it is called, and with which AWS credentials (`aws.*`, `behavior.on.error`). */
export class LambdaProperties {
  @RequiredInSingleMode()
  @IsLambdaFunctionName()
  'aws.lambda.function.name'?: string;

  // Confluent Cloud's several-functions settings; the map's rules (which need `topics`) are in
  // topic-function-map.ts.
  @IsOneOf(CONFIGURATION_MODES)
  'aws.lambda.configuration.mode'?: string;

  @Allow()
  'aws.lambda.topic2function.map'?: string;

  @IsOneOf(INVOCATION_TYPES)
  'aws.lambda.invocation.type'?: string;

  @IsIntegerText(1)
  'aws.lambda.batch.size'?: string;

  // This project's addition: the batching window (at most 5 minutes, as AWS's trigger).
  @IsIntegerText(0, 300_000)
  'aws.lambda.batch.max.wait.ms'?: string;

  // AWS's own Kafka trigger's event instead of the Confluent payload (SPEC section 10).
  @IsOneOf(PAYLOAD_FORMATS)
  'aws.lambda.payload.format'?: string;

  // AWS's FilterCriteria: records no pattern matches are skipped, committed and counted.
  @IsFilterCriteria()
  'aws.lambda.filter.criteria'?: string;

  // This project's addition (SPEC section 4): in-partition parallelism.
  @IsOneOf(ORDERINGS)
  'aws.lambda.ordering'?: string;

  @IsIntegerText(1, 1024)
  'aws.lambda.max.in.flight.per.partition'?: string;

  @IsIntegerText(0)
  'aws.lambda.max.in.flight'?: string;

  // This project's addition: the in-flight limit follows Lambda's throttling.
  @IsBooleanText()
  'aws.lambda.concurrency.adaptive'?: string;

  @IsAwsRegion()
  'aws.lambda.region'?: string;

  @RequiredTogetherWith('aws.secret.access.key')
  @RequiredTogetherWith('aws.session.token')
  'aws.access.key.id'?: string;

  @RequiredTogetherWith('aws.access.key.id')
  'aws.secret.access.key'?: string;

  // This project's addition: temporary keys (from STS) come with a session token.
  @Allow()
  'aws.session.token'?: string;

  @IsCredentialsProvider()
  'aws.credentials.provider.class'?: string;

  // The open-source kafka-connect-lambda's assume-role settings.
  @RequiredForAssumeRoleProvider()
  @IsRoleArn()
  'aws.credentials.provider.role.arn'?: string;

  @RequiresRoleArn()
  @IsStsName(2, 64, /^[\w+=,.@-]+$/)
  'aws.credentials.provider.session.name'?: string;

  @RequiresRoleArn()
  @IsStsName(2, 1224, /^[\w+=,.@:/-]+$/)
  'aws.credentials.provider.external.id'?: string;

  // Lambda calls through an HTTP proxy (CONNECT), as the Confluent connector's proxy settings.
  @IsHttpUrl()
  'aws.lambda.proxy.url'?: string;

  @RequiresProxyUrl()
  'aws.lambda.proxy.user'?: string;

  @RequiresProxyUrl()
  'aws.lambda.proxy.password'?: string;

  // This project's addition: how long the assumed role's credentials last.
  @RequiresRoleArn()
  @IsIntegerText(900, 43_200)
  'aws.credentials.provider.duration.seconds'?: string;

  @IsIntegerText(1)
  'aws.lambda.socket.timeout'?: string;

  // This project's addition: worker threads that run the Lambda client (0 = the event loop).
  @IsIntegerText(0, 16)
  'aws.lambda.invoke.threads'?: string;

  @IsOneOf(BEHAVIORS_ON_ERROR)
  'behavior.on.error'?: string;

  // This project's addition: whether behavior.on.error also decides for batches whose
  // transient retries ran out (by default they stop their partition).
  @IsOneOf(RETRIES_EXHAUSTED_BEHAVIORS)
  'behavior.on.retries.exhausted'?: string;

  @IsHttpUrl()
  'aws.lambda.endpoint'?: string;

  @IsIntegerText(0)
  'aws.lambda.max.retries'?: string;

  @IsIntegerText(0)
  'aws.lambda.retry.backoff.ms'?: string;

  @IsIntegerText(0)
  @IsAtLeastProperty('aws.lambda.retry.backoff.ms', CONFIG_DEFAULTS.retryBackoffMs)
  'aws.lambda.retry.backoff.max.ms'?: string;

  @IsBooleanText()
  'aws.lambda.validate'?: string;

  // This project's additions, AWS's Kafka trigger's error controls (docs/CONFIGURATION.md).
  @IsBooleanText()
  @RequiresSyncWhen((value) => parseBoolean(value) === true)
  'aws.lambda.response.partial.batch'?: string;

  @IsBooleanText()
  @RequiresSyncWhen((value) => parseBoolean(value) === true)
  'aws.lambda.bisect.on.error'?: string;

  @IsIntegerText(0, 10_000)
  @RequiresSyncWhen((value) => (parseInteger(value) ?? 0) > 0)
  'aws.lambda.function.error.retries'?: string;

  @IsRecordAge()
  'aws.lambda.max.record.age.ms'?: string;
}
