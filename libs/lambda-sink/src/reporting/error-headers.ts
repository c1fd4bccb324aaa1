/**
 * Header names on error-topic and dead-letter-queue records. The `__connect.errors.*` names
 * are Kafka Connect's (DeadLetterQueueReporter), so tooling written for Connect's DLQ reads
 * ours unchanged; `__lambda.*` are this project's additions, in their own namespace.
 */
export const ERROR_HEADERS = {
  topic: '__connect.errors.topic',
  partition: '__connect.errors.partition',
  offset: '__connect.errors.offset',
  connectorName: '__connect.errors.connector.name',
  taskId: '__connect.errors.task.id',
  stage: '__connect.errors.stage',
  className: '__connect.errors.class.name',
  exceptionClassName: '__connect.errors.exception.class.name',
  exceptionMessage: '__connect.errors.exception.message',
  lambdaFunctionName: '__lambda.function.name',
  lambdaInvocationType: '__lambda.invocation.type',
  lambdaErrorType: '__lambda.error.type',
} as const;

/** Connect's stage names for where a record failed. */
export type ErrorStage = 'KEY_CONVERTER' | 'VALUE_CONVERTER' | 'TRANSFORMATION' | 'TASK_PUT';

/**
 * Connect numbers a connector's tasks from 0. This sink has no Connect tasks to number, so it
 * writes what a single-task connector writes, and DLQ tooling that expects the header finds it.
 */
export const TASK_ID = '0';
