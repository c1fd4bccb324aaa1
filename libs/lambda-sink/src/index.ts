// The public API of the Lambda sink library. Everything else is internal.
export { LambdaSinkModule } from './lambda-sink.module';
export { LAMBDA_SINK_OPTIONS } from './lambda-sink.constants';
export { InjectLambdaSinkOptions } from './lambda-sink.decorators';
export {
  type LambdaSinkAutoStart,
  type LambdaSinkModuleOptions,
  type LambdaSinkRuntimeOptions,
  type LambdaSinkModuleExtras,
} from './lambda-sink.module-definition';
export type * from './config/lambda-sink-options';
export { optionsFromConnectProperties } from './config/connect-options';
export {
  loadConnectProperties,
  loadLambdaSinkOptions,
  loadStartupNotes,
} from './config/property-sources';
export {
  optionsFromModuleOptions,
  type LambdaSinkConfigInput,
  type LambdaSinkTypedOptions,
} from './config/lambda-sink-config-input';
export { ConfigValidationError } from './config/config-validation-error';
export { LambdaSinkEngine } from './engine/lambda-sink-engine';
export { LambdaInvokerService } from './invocation/lambda-invoker.service';
export type {
  InvocationResult,
  InvocationTarget,
  InvokerObserver,
  RetryPlan,
} from './invocation/lambda-invoker';
export { ReporterService } from './reporting/reporter.service';
export { BatchingService } from './batching/batching.service';
export { LambdaSinkServer } from './engine/lambda-sink.server';
export { SinkMetrics } from './operations/metrics/sink-metrics';
export { SinkHealthIndicator } from './operations/health/sink.health';
export { SinkError } from './errors/sink-error';
export * from './errors/lambda-errors';
export { ConversionError } from './conversion/conversion-error';
export {
  httpsServerOptions,
  listensWithTls,
  reloadHttpsOnChange,
  REST_LIMITS,
} from './operations/http/https-listener';
export { answerBodyParserErrors } from './operations/http/body-parser-errors';
export { RestAccessPolicy } from './operations/http/access/rest-access-policy';
export { ConnectorOperations } from './operations/connector-operations';
// The Kafka client behind ports (docs/KAFKA-PORTS.md): the interfaces an adapter implements, and
// the kafkajs adapter the sink uses unless another is given.
export type {
  TopicSpec,
  PartitionWatermarks,
  CommittedOffset,
  AdminPort,
  HeaderValue,
  ConsumedMessage,
  FetchedBatch,
  BatchSession,
  TopicPartitions,
  GroupConsumerOptions,
  GroupConsumerEvents,
  GroupConsumerPort,
  KafkaClientPort,
  ProducibleHeaderValue,
  ProducerRecord,
  ProducerOptions,
  SendFailure,
  ProducerPort,
  KafkaConnectionSettings,
  SaslSettings,
  OAuthBearerSettings,
  SaslMechanism as KafkaSaslMechanism,
} from './kafka';
export { KafkajsClient } from './kafka/kafkajs';
export { CONFIG_DEFAULTS } from './config/config-defaults';
export { KNOWN_PROPERTY_NAMES } from './config/lambda-sink-properties';
export { envVarName } from './config/env-properties';
export { NULL_HEADERS_MARKER } from './reporting/reporter-headers';
