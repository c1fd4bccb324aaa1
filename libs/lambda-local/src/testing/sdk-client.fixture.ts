// Test fixtures shared by the specs: the real SDK client pointed at a Lambda Local, and
// the repository's example handler folder. Not exported from the package.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface TestClientOptions {
  maxAttempts?: number;
  /** Client-side limit per attempt; the installed handler only enforces it with throwOnRequestTimeout. */
  requestTimeoutMs?: number;
}

/** A LambdaClient as the sink builds one: real signing, real retries, real error mapping. */
export function createTestLambdaClient(endpoint: string, options: TestClientOptions = {}) {
  const config: LambdaClientConfig = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      requestTimeout: options.requestTimeoutMs,
      throwOnRequestTimeout: true,
    }),
  };
  return new LambdaClient(config);
}

export function jsonPayload(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export function decodePayload(payload: Uint8Array | undefined): unknown {
  const text = new TextDecoder().decode(payload ?? new Uint8Array());
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** `examples/functions`, found from the compiled spec's folder (dist/…) or the source's. */
export function exampleFunctionsDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'examples', 'functions');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('examples/functions not found above ' + __dirname);
}

/** Polls until `condition` holds; for work Lambda Local finishes after answering (Event). */
export async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface ExpectedServiceError {
  name: string;
  status: number;
  /** How many attempts the SDK made: 1 means it did not retry. */
  attempts?: number;
}

interface SdkError extends Error {
  $metadata: { httpStatusCode?: number; attempts?: number };
  $fault?: string;
}

/** Awaits a rejection and checks it is the SDK exception named, as the SDK classified it. */
export async function expectServiceError(
  promise: Promise<unknown>,
  expected: ExpectedServiceError,
): Promise<SdkError> {
  let error: SdkError | undefined;
  try {
    await promise;
  } catch (e) {
    error = e as SdkError;
  }
  if (!error) throw new Error(`expected ${expected.name}, but the call succeeded`);
  const actual = {
    name: error.name,
    status: error.$metadata?.httpStatusCode,
    ...(expected.attempts === undefined ? {} : { attempts: error.$metadata?.attempts }),
  };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}: ${error.message}`,
    );
  }
  return error;
}
