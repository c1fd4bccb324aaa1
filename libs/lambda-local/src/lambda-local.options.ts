import type { LocalFunctionConfig } from './functions/function-registry';
import type { LambdaHandler } from './functions/lambda-handler.types';

export interface LambdaLocalOptions {
  /** TCP port; 0 (the default) picks a free one, read it back from the handle. */
  port?: number;
  /** Default `127.0.0.1`: a development endpoint with no authentication stays off the network. */
  host?: string;
  /** A folder of handler modules: each `.js`/`.cjs`/`.mjs` file is a function named by its base name. */
  functionsDir?: string;
  /** In-process handlers by function name; they win over a module of the same name. */
  functions?: Record<string, LambdaHandler>;
  /** Settings per function name (versions, aliases, timeout…) for `functions` entries. */
  functionConfigs?: Record<string, LocalFunctionConfig>;
  /** Region in ARNs; default `us-east-1`. */
  region?: string;
  /** Account in ARNs; default `000000000000`, the placeholder LocalStack also uses. */
  accountId?: string;
  /**
   * Keep each request's payload in the invocation log (default true). Turn off for long
   * benchmarks: records then keep sizes and outcomes but not the bodies.
   */
  recordPayloads?: boolean;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '000000000000';
