// Public API of Lambda Local: the project's own AWS Lambda Invoke API endpoint.
export { startLambdaLocal, type LambdaLocal } from './lambda-local';
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_HOST,
  DEFAULT_REGION,
  type LambdaLocalOptions,
} from './lambda-local.options';
export {
  HandlerLoadError,
  InvalidFaultsError,
  InvalidFunctionError,
  LambdaLocalError,
} from './lambda-local.errors';
export type {
  ConcurrencyLimitFault,
  FaultTrigger,
  FunctionErrorFault,
  LambdaFaults,
  LatencyFault,
  ServerErrorFault,
  ThrottleFault,
} from './faults/fault.types';
export type { LocalFunctionConfig } from './functions/function-registry';
export type {
  LambdaCallback,
  LambdaContext,
  LambdaHandler,
} from './functions/lambda-handler.types';
export type { FunctionErrorBody, FunctionErrorKind } from './functions/handler-runner';
export { InvocationRecord, type InvocationType } from './invocations/invocation-record';
export { PAYLOAD_LIMITS } from './api/invoke.route';
