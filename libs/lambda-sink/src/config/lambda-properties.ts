import { Allow } from 'class-validator';
import { CONFIG_DEFAULTS } from './config-defaults';
import type {
  BehaviorOnError,
  InvocationType,
  Ordering,
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
  IsRequired,
  RequiredTogetherWith,
} from './property-rules';

export const INVOCATION_TYPES: readonly InvocationType[] = ['sync', 'async'];
export const ORDERINGS: readonly Ordering[] = ['partition', 'key', 'none'];
export const BEHAVIORS_ON_ERROR: readonly BehaviorOnError[] = ['fail', 'log', 'ignore'];
export const RETRIES_EXHAUSTED_BEHAVIORS: readonly RetriesExhaustedBehavior[] = [
  'fail',
  'behavior.on.error',
];

/** The function, how it is called, and with which AWS credentials (`aws.*`, `behavior.on.error`). */
export class LambdaProperties {
  @IsRequired()
  @IsLambdaFunctionName()
  'aws.lambda.function.name'?: string;

  @IsOneOf(INVOCATION_TYPES)
  'aws.lambda.invocation.type'?: string;

  @IsIntegerText(1)
  'aws.lambda.batch.size'?: string;

  // This project's addition: the batching window (at most 5 minutes, as AWS's trigger).
  @IsIntegerText(0, 300_000)
  'aws.lambda.batch.max.wait.ms'?: string;

  // This project's addition (SPEC section 4): in-partition parallelism.
  @IsOneOf(ORDERINGS)
  'aws.lambda.ordering'?: string;

  @IsIntegerText(1, 1024)
  'aws.lambda.max.in.flight.per.partition'?: string;

  @IsIntegerText(0)
  'aws.lambda.max.in.flight'?: string;

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
}
