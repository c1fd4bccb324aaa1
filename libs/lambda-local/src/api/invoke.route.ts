import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { InvokeFaultDecision, InvokeFaultOutcome } from '../faults/function-faults';
import { parseFunctionName } from '../functions/function-name.parser';
import type { ResolvedTarget } from '../functions/function-registry';
import { runHandler, type HandlerOutcome } from '../functions/handler-runner';
import { createLambdaContext } from '../functions/lambda-context';
import { apiMessages } from '../lambda-local.messages';
import { InvocationRecord, type InvocationType } from '../invocations/invocation-record';
import type { ApiContext } from './api-context';
import { readBody, send, sendApiError } from './http-io';
import { apiErrors, LambdaApiError } from './lambda-api.error';
import { buildLogTail } from './log-tail';

/** Lambda's request payload limits: 6 MB for synchronous calls, 1 MB for Event. */
export const PAYLOAD_LIMITS: Readonly<Record<InvocationType, number>> = {
  RequestResponse: 6_291_456,
  DryRun: 6_291_456,
  Event: 1_048_576,
};

const OPERATION_NAMES: Readonly<Record<InvocationType, string>> = {
  RequestResponse: 'InvokeFunction',
  DryRun: 'InvokeFunction',
  Event: 'InvokeAsync',
};

const NO_FAULTS: InvokeFaultDecision = { latencyMs: 0, outcome: { kind: 'none' } };

/**
 * `POST /2015-03-31/functions/{FunctionName}/invocations`. Every call is recorded, also the
 * ones answered with an error, so a test can count exactly what reached "Lambda".
 */
export async function handleInvoke(
  req: IncomingMessage,
  res: ServerResponse,
  functionName: string,
  queryQualifier: string | undefined,
  api: ApiContext,
): Promise<void> {
  const receivedAt = Date.now();
  const requestId = randomUUID();
  const typeHeader = req.headers['x-amz-invocation-type'] ?? 'RequestResponse';
  if (!isInvocationType(typeHeader)) {
    await readBody(req, 0);
    return sendApiError(res, apiErrors.invalidInvocationType(String(typeHeader)), requestId);
  }
  const invocationType = typeHeader;
  const body = await readBody(req, PAYLOAD_LIMITS[invocationType]);
  const parsed = parseFunctionName(functionName);
  const record = new InvocationRecord(
    requestId,
    parsed?.name ?? functionName,
    parsed?.qualifier ?? (queryQualifier || undefined),
    invocationType,
    api.recordPayloads ? body.text : undefined,
    body.bytes,
    receivedAt,
  );
  api.log.add(record);

  let release: (() => void) | undefined;
  try {
    const target = api.registry.resolve(functionName, queryQualifier);
    record.executedVersion = target.executedVersion;
    if (body.text === undefined) {
      throw apiErrors.requestTooLarge(
        PAYLOAD_LIMITS[invocationType],
        OPERATION_NAMES[invocationType],
      );
    }
    const event = parseEvent(body.text);
    const faults = api.faults.of(target.fn.name);
    if (invocationType === 'DryRun') {
      if (faults?.deniesInvoke) throw denied(api, target);
      return reply(res, record, 204, baseHeaders(requestId, target));
    }
    const decision =
      faults?.decideInvoke(event, body.text, invocationType === 'RequestResponse') ?? NO_FAULTS;
    // An execution of a concurrency-limited function ends when its answer is written, or when
    // the client gives up on it (a hung call, a timeout).
    release = decision.release;
    if (release) res.once('close', release);
    if (decision.latencyMs > 0) await delay(decision.latencyMs);
    const { outcome } = decision;
    switch (outcome.kind) {
      case 'deny':
        throw denied(api, target);
      case 'throttle':
        throw apiErrors.tooManyRequests(outcome.reason, outcome.retryAfterSeconds);
      case 'serverError':
        throw apiErrors.serverError(outcome.status, outcome.errorType);
      case 'hang':
        // Never answered: the client's timeout, or close(), ends the connection.
        record.hung = true;
        return;
    }
    const injected = outcome.kind === 'functionError' ? injectedError(outcome) : undefined;

    if (invocationType === 'Event') {
      reply(res, record, 202, baseHeaders(requestId, target));
      // Like the real service, the 202 only means "queued": the handler runs afterwards.
      setImmediate(() => {
        void execute(target, event, requestId, req, injected).then((done) => {
          record.completedAt = Date.now();
          if (done.kind === 'error') record.functionError = done.functionError;
        });
      });
      return;
    }

    const started = Date.now();
    const done = await execute(target, event, requestId, req, injected);
    const headers = baseHeaders(requestId, target);
    headers['Content-Type'] = 'application/json';
    if (req.headers['x-amz-log-type'] === 'Tail') {
      const tail = buildLogTail(
        requestId,
        target.executedVersion,
        Date.now() - started,
        target.fn.config.memorySize,
      );
      headers['X-Amz-Log-Result'] = tail;
    }
    if (done.kind === 'result') return reply(res, record, 200, headers, done.body);
    record.functionError = done.functionError;
    headers['X-Amz-Function-Error'] = done.functionError;
    return reply(res, record, 200, headers, JSON.stringify(done.error));
  } catch (error) {
    if (!(error instanceof LambdaApiError)) throw error;
    record.errorType = error.errorType;
    record.statusCode = error.statusCode;
    record.respondedAt = Date.now();
    sendApiError(res, error, requestId);
  } finally {
    // Freed as the answer is written, before the client can send its next call.
    if (!record.hung) release?.();
  }
}

async function execute(
  target: ResolvedTarget,
  event: unknown,
  requestId: string,
  req: IncomingMessage,
  injected: HandlerOutcome | undefined,
): Promise<HandlerOutcome> {
  if (injected) return injected;
  const { fn } = target;
  const timeoutMs = fn.config.timeoutSeconds * 1000;
  const context = createLambdaContext({
    functionName: fn.name,
    executedVersion: target.executedVersion,
    invokedFunctionArn: target.invokedFunctionArn,
    memorySize: fn.config.memorySize,
    requestId,
    deadline: Date.now() + timeoutMs,
    clientContext: decodeClientContext(req.headers['x-amz-client-context']),
  });
  return runHandler(fn.handler, event, context, timeoutMs);
}

/** An injected function error replaces the handler's run, with the runtime's body shape. */
function injectedError(
  outcome: Extract<InvokeFaultOutcome, { kind: 'functionError' }>,
): HandlerOutcome {
  return {
    kind: 'error',
    functionError: outcome.functionError,
    error: {
      errorType: outcome.errorType,
      errorMessage: outcome.message ?? apiMessages.injectedFunctionError(),
      trace: [],
    },
  };
}

function reply(
  res: ServerResponse,
  record: InvocationRecord,
  status: number,
  headers: OutgoingHttpHeaders,
  body?: string,
): void {
  if (res.destroyed) return;
  record.statusCode = status;
  record.respondedAt = Date.now();
  send(res, status, headers, body);
}

function baseHeaders(requestId: string, target: ResolvedTarget): OutgoingHttpHeaders {
  return { 'x-amzn-RequestId': requestId, 'X-Amz-Executed-Version': target.executedVersion };
}

function denied(api: ApiContext, target: ResolvedTarget): LambdaApiError {
  return apiErrors.accessDenied(
    api.registry.identity.accountId,
    'InvokeFunction',
    target.invokedFunctionArn,
  );
}

/** An empty body is Lambda's `{}`; anything else must be JSON. */
function parseEvent(text: string): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw apiErrors.invalidRequestContent(error instanceof Error ? error.message : String(error));
  }
}

/** `X-Amz-Client-Context` is base64 JSON; a malformed one is passed on as absent. */
function decodeClientContext(header: string | string[] | undefined): unknown {
  if (typeof header !== 'string' || header === '') return undefined;
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isInvocationType(value: unknown): value is InvocationType {
  return value === 'RequestResponse' || value === 'Event' || value === 'DryRun';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
