import { kafkaCauseHint } from './kafka-cause-hints';

/**
 * Every error message the sink builds, in one place, so wording stays consistent and no
 * message can pick up a secret by accident: they take only names, coordinates and AWS error text.
 */
export const messages = {
  transientRetriesExhausted: (fn: string, attempts: number, cause: string) =>
    `Lambda function "${fn}" still failing after ${attempts} attempts with transient errors; last: ${cause}`,
  configurationError: (fn: string, region: string | undefined, cause: string) =>
    `Lambda function "${fn}" (region ${region ?? 'unset'}) cannot be invoked: ${cause}`,
  functionError: (fn: string, kind: string, detail: string) =>
    `Lambda function "${fn}" returned a ${kind} function error: ${detail}`,
  payloadTooLarge: (bytes: number, limit: number, where: string) =>
    `payload of ${bytes} bytes is over the Lambda limit of ${limit} bytes (${where})`,
  payloadRejected: (bytes: number, cause: string) =>
    `Lambda rejected a request of ${bytes} bytes as too large: ${cause}`,
  startupValidationFailed: (fn: string, region: string | undefined, step: string, cause: string) =>
    `startup validation of Lambda function "${fn}" in region ${region ?? 'unset'} failed at ${step}: ${cause}`,
  startupValidationFailedSeveral: (failures: readonly string[]) =>
    `startup validation failed for ${failures.length} Lambda functions:\n` +
    failures.map((failure) => `  - ${failure}`).join('\n'),
  reporterFailed: (topic: string, cause: string) =>
    `could not write to reporter topic "${topic}": ${cause}`,
  reporterRejected: (topic: string, cause: string) =>
    `reporter topic "${topic}" refuses a record: ${cause}; if it is over the topic's ` +
    `max.message.bytes, raise that topic setting and resume the partition`,
  reporterEncodingFailed: (topic: string, cause: string) =>
    `a record for reporter topic "${topic}" cannot be encoded (${cause}); retrying cannot help`,
  topicCreationFailed: (topic: string, cause: string) =>
    `could not create topic "${topic}": ${cause}`,
  replicationFactorTooLarge: (topic: string, factor: number, brokers: number) =>
    `topic "${topic}" needs replication factor ${factor} but the cluster has ${brokers} broker(s); ` +
    `set the matching *.replication.factor property to at most ${brokers}`,
  kafkaClientFailed: (client: string, servers: string, protocol: string, cause: string) =>
    `the ${client} could not work with Kafka at ${servers} (${protocol}): ${cause}${kafkaCauseHint(cause)}`,
  topicsMissing: (topics: string[], servers: string) =>
    `topic(s) ${topics.map((t) => `"${t}"`).join(', ')} do not exist on ${servers}; create them first ` +
    `(the sink reads topics, it does not create them)`,
  conversionFailed: (part: string, converter: string, at: string, cause: string) =>
    `${part} converter ${converter} could not read the record at ${at}: ${cause}`,
  transformFailed: (alias: string, type: string, at: string, cause: string) =>
    `transform ${alias} (${type}) failed on the record at ${at}: ${cause}`,
  payloadBuildFailed: (at: string, cause: string) =>
    `the record at ${at} could not be written into the Lambda payload: ${cause}`,
  batchItemFailures: (fn: string, records: string[]) =>
    `Lambda function "${fn}" reported ${records.length} record(s) as failed in its partial batch ` +
    `response: ${records.slice(0, 10).join(', ')}${records.length > 10 ? ', …' : ''}`,
  malformedBatchResponse: (fn: string, reason: string) =>
    `Lambda function "${fn}" returned a partial batch response that cannot be read ` +
    `(aws.lambda.response.partial.batch=true): ${reason}`,
  recordsExpired: (records: string[], maxAgeMs: number) =>
    `${records.length} record(s) older than aws.lambda.max.record.age.ms=${maxAgeMs} were not ` +
    `invoked (expired): ${records.slice(0, 10).join(', ')}${records.length > 10 ? ', …' : ''}`,
  /** A record's coordinates as logs and messages name them: `topic-partition@offset`. */
  recordAt: (topic: string, partition: number, offset: string | number) =>
    `${topic}-${partition}@${offset}`,
  taskFailed: (task: number, cause: string) =>
    `task ${task} failed and consumes nothing more until the sink restarts: ${cause}`,
  partitionFailed: (topic: string, partition: number, offset: number, cause: string) =>
    `partition ${topic}-${partition} stopped at offset ${offset}: ${cause}`,
};

/** The text of any thrown value, for messages (never the stack, which may hold config). */
export function describeError(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
