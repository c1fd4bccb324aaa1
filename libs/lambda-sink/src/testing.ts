// The building blocks the project's own integration tests and benchmarks use beside the public
// API (index.ts): fixtures, and parts they measure or drive on their own. Not a stable API, and
// not in the package's exports.
export { minimalProperties } from './config/test-properties';
export { schemaRegistryOptions } from './config/schema-registry-options';
export type { PrepareControls } from './conversion/converter';
export { SchemaRegistryConverter } from './conversion/schema-registry/schema-registry-converter';
export { bisectInvocationBound } from './error-controls/recovery-plan';
export { FunctionRouter } from './invocation/function-router';
export { createInvokeTransport } from './invocation/invoke-transport-factory';
export { createLambdaClient } from './invocation/lambda-client-factory';
export { LambdaInvoker } from './invocation/lambda-invoker';
export { isolateAwsEnvironment } from './invocation/testing/credentials.fixture';
export { signingKeyId, startHttpStub, type HttpStub } from './invocation/testing/http-stub';
export { startStsStub, type StsStub } from './invocation/testing/sts-stub';
export { connectorStatusBody } from './operations/status/connect-status';
export { jsonNestingDepth } from './conversion/json-nesting-depth';
export { DEFAULT_FUZZ_SEED, fuzzParameters } from './testing/fuzz-parameters';
