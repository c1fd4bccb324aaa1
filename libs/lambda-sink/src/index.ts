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
export { LambdaSinkEngine } from './transport/lambda-sink-engine';
export { LambdaInvokerService } from './invocation/lambda-invoker.service';
export type {
  InvocationResult,
  InvocationTarget,
  InvokerObserver,
  RetryPlan,
} from './invocation/lambda-invoker';
export { ReporterService } from './reporting/reporter.service';
export { LambdaSinkServer } from './transport/lambda-sink.server';
export { SinkMetrics } from './metrics/sink-metrics';
export { SinkHealthIndicator } from './health/sink.health';
export { SinkError } from './errors/sink-error';
export * from './errors/lambda-errors';
export { ConversionError } from './conversion/conversion-error';
export {
  httpsServerOptions,
  listensWithTls,
  reloadHttpsOnChange,
  REST_LIMITS,
} from './http/https-listener';
export { answerBodyParserErrors } from './http/body-parser-errors';
export { RestAccessPolicy } from './http/access/rest-access-policy';
export { ConnectorOperations } from './operations/connector-operations';
