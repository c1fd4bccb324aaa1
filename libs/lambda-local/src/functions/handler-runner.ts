import { apiMessages } from '../lambda-local.messages';
import type { LambdaContext, LambdaHandler } from './lambda-handler.types';

/**
 * The largest response a synchronous invocation may return. The real service's message
 * names 6291556 (100 bytes over the request limit), so the same figure is used here.
 */
export const MAX_RESPONSE_BYTES = 6_291_556;

export type FunctionErrorKind = 'Handled' | 'Unhandled';

/** The body Lambda returns with `X-Amz-Function-Error`, as the Node.js runtime writes it. */
export interface FunctionErrorBody {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export type HandlerOutcome =
  | { kind: 'result'; body: string }
  | { kind: 'error'; functionError: FunctionErrorKind; error: FunctionErrorBody };

/**
 * Runs one handler call the way the Node.js runtime does: async, sync or callback style;
 * a throw or rejection is an Unhandled function error; the function's timeout ends the
 * call with `Sandbox.Timedout`; the result is JSON-serialized (`undefined` becomes `null`).
 */
export async function runHandler(
  handler: LambdaHandler,
  event: unknown,
  context: LambdaContext,
  timeoutMs: number,
): Promise<HandlerOutcome> {
  let result: unknown;
  try {
    result = await withTimeout(callHandler(handler, event, context), timeoutMs, context);
  } catch (error) {
    return unhandled(error instanceof TimeoutSignal ? error.body : toErrorBody(error));
  }
  let body: string | undefined;
  try {
    body = JSON.stringify(result);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return unhandled(
      runtimeError('Runtime.SerializationError', apiMessages.unserializableResult(detail)),
    );
  }
  body ??= 'null';
  // Cheap check first: a string's UTF-8 size is at most three bytes per UTF-16 unit.
  if (body.length * 3 > MAX_RESPONSE_BYTES && Buffer.byteLength(body) > MAX_RESPONSE_BYTES) {
    const message = apiMessages.responseTooLarge(MAX_RESPONSE_BYTES);
    return unhandled(runtimeError('Function.ResponseSizeTooLarge', message));
  }
  return { kind: 'result', body };
}

/** The body of an error thrown by a handler, as the Node.js runtime reports it. */
export function toErrorBody(error: unknown): FunctionErrorBody {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      trace: (error.stack ?? '').split('\n'),
    };
  }
  return runtimeError(typeof error, String(error));
}

function runtimeError(errorType: string, errorMessage: string): FunctionErrorBody {
  return { errorType, errorMessage, trace: [] };
}

function unhandled(error: FunctionErrorBody): HandlerOutcome {
  return { kind: 'error', functionError: 'Unhandled', error };
}

function callHandler(handler: LambdaHandler, event: unknown, context: LambdaContext) {
  return new Promise<unknown>((resolve, reject) => {
    // A handler declaring a third parameter may answer through the callback only.
    const usesCallback = handler.length >= 3;
    const callback = (error?: unknown, result?: unknown) =>
      error === undefined || error === null ? resolve(result) : reject(error);
    let returned: unknown;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      reject(error);
      return;
    }
    if (isThenable(returned)) returned.then(resolve, reject);
    else if (!usesCallback) resolve(returned);
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

class TimeoutSignal {
  constructor(readonly body: FunctionErrorBody) {}
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, context: LambdaContext): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const message = apiMessages.taskTimedOut(context.awsRequestId, timeoutMs / 1000);
      reject(new TimeoutSignal(runtimeError('Sandbox.Timedout', message)));
    }, timeoutMs);
    // A handler that never settles must not keep the process alive after close().
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
