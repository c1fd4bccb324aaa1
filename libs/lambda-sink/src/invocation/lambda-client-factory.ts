import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { LambdaOptions } from '../config/lambda-sink-options';
import { resolveCredentials } from './credentials-provider';

/** Region used with a custom endpoint when none is configured anywhere (local emulator, LocalStack). */
const ENDPOINT_FALLBACK_REGION = 'us-east-1';

export function resolveRegion(
  options: LambdaOptions,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return (
    options.region ??
    env.AWS_REGION ??
    env.AWS_DEFAULT_REGION ??
    (options.endpoint ? ENDPOINT_FALLBACK_REGION : undefined)
  );
}

/**
 * The Lambda client the sink invokes through. SDK retries are off (maxAttempts 1): the invoker
 * retries transient errors itself so each attempt is counted and a shutdown can cut the wait.
 * `aws.lambda.socket.timeout` is a hard per-attempt timeout: `throwOnRequestTimeout` turns the
 * handler's warning into an error, so a hung function is retried instead of waited on forever.
 */
export function createLambdaClient(options: LambdaOptions): LambdaClient {
  const agentOptions = { keepAlive: true, maxSockets: 256 };
  return new LambdaClient({
    region: resolveRegion(options),
    endpoint: options.endpoint,
    credentials: resolveCredentials(options.credentials),
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      requestTimeout: options.socketTimeoutMs,
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(options.socketTimeoutMs, 10_000),
      httpAgent: new Agent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
    }),
  });
}
