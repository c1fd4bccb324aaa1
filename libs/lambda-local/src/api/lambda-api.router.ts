import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApiContext } from './api-context';
import { handleControl } from './control.routes';
import { handleGetFunction } from './get-function.route';
import { sendApiError } from './http-io';
import { handleInvoke } from './invoke.route';
import { apiErrors, LambdaApiError } from './lambda-api.error';

const API_VERSION = '2015-03-31';

/**
 * Routes requests by the exact paths `@aws-sdk/client-lambda` sends, plus the `/_local/`
 * control routes. A LambdaApiError thrown anywhere becomes its AWS-shaped answer; any
 * other error is a bug here and becomes a 500 ServiceException, so a client retries
 * instead of hanging and the process stays up.
 */
export function createRequestListener(api: ApiContext): RequestListener {
  return (req, res) => {
    route(req, res, api).catch((error: unknown) => {
      // The client went away (its timeout, an abort): nobody is left to answer or to tell.
      if (res.destroyed) return;
      if (!(error instanceof LambdaApiError)) {
        console.error('lambda-local: unexpected error', error);
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      req.resume();
      const apiError = error instanceof LambdaApiError ? error : apiErrors.serverError(500);
      sendApiError(res, apiError, randomUUID());
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, api: ApiContext): Promise<void> {
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
  const segments = splitPath(path);
  const method = req.method ?? 'GET';

  if (segments[0] === API_VERSION && segments[1] === 'functions' && segments[2]) {
    const [, , functionName, operation, ...rest] = segments;
    const qualifier = query.get('Qualifier') ?? undefined;
    if (rest.length === 0) {
      if (method === 'POST' && operation === 'invocations') {
        return handleInvoke(req, res, functionName, qualifier, api);
      }
      if (method === 'GET' && (operation === undefined || operation === 'configuration')) {
        req.resume();
        return handleGetFunction(res, functionName, qualifier, api, operation === 'configuration');
      }
    }
  }
  if (segments[0] === '_local' && (await handleControl(req, res, segments.slice(1), query, api))) {
    return;
  }
  req.resume();
  throw apiErrors.unknownOperation(method, path);
}

/** Decoded path segments, without the leading and any trailing empty one. */
function splitPath(path: string): string[] {
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  try {
    return segments.map(decodeURIComponent);
  } catch {
    throw apiErrors.invalidUri();
  }
}
