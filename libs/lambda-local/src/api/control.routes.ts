import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LambdaFaults } from '../faults/fault.types';
import { codeBytesOf } from '../functions/function-configuration';
import { LambdaLocalError } from '../lambda-local.errors';
import type { ApiContext } from './api-context';
import { readBody, send, sendJson } from './http-io';

/** Fault sets sent over HTTP are small; anything bigger is a mistake, not a fault set. */
const MAX_CONTROL_BODY_BYTES = 64 * 1024;

/**
 * Routes under `/_local/` that let a test in another process steer and inspect Lambda
 * Local. Returns false when the path is not one of them.
 *
 * - `GET    /_local/functions`                 → `{ functions: [names] }`
 * - `GET    /_local/functions/{name}/code`     → the handler module's source
 * - `PUT    /_local/functions/{name}/faults`   ← LambdaFaults JSON → 204 (400 lists problems)
 * - `DELETE /_local/functions/{name}/faults`   → 204
 * - `DELETE /_local/faults`                    → 204 (every function)
 * - `GET    /_local/invocations?functionName=&from=&limit=` → `{ total, invocations }`
 * - `DELETE /_local/invocations`               → 204
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  segments: readonly string[],
  query: URLSearchParams,
  api: ApiContext,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const [resource, name, sub] = segments;

  if (resource === 'functions' && name === undefined && method === 'GET') {
    sendJson(res, 200, { functions: api.registry.names() });
    return true;
  }
  if (resource === 'functions' && name !== undefined && sub === 'code' && method === 'GET') {
    const fn = api.registry.get(name);
    if (!fn) sendJson(res, 404, { message: `no function '${name}'` });
    else send(res, 200, { 'Content-Type': 'text/javascript' }, codeBytesOf(fn));
    return true;
  }
  if (resource === 'functions' && name !== undefined && sub === 'faults') {
    if (method === 'PUT') {
      await setFaults(req, res, name, api);
      return true;
    }
    if (method === 'DELETE') {
      api.faults.clear(name);
      send(res, 204, {});
      return true;
    }
  }
  if (resource === 'faults' && name === undefined && method === 'DELETE') {
    api.faults.clear();
    send(res, 204, {});
    return true;
  }
  if (resource === 'invocations' && name === undefined) {
    if (method === 'GET') {
      listInvocations(res, query, api);
      return true;
    }
    if (method === 'DELETE') {
      api.log.clear();
      send(res, 204, {});
      return true;
    }
  }
  return false;
}

async function setFaults(req: IncomingMessage, res: ServerResponse, name: string, api: ApiContext) {
  const body = await readBody(req, MAX_CONTROL_BODY_BYTES);
  let faults: unknown;
  try {
    faults = JSON.parse(body.text ?? '');
  } catch {
    sendJson(res, 400, { message: 'the body must be a JSON object of faults' });
    return;
  }
  try {
    api.faults.set(name, faults as LambdaFaults);
  } catch (error) {
    if (!(error instanceof LambdaLocalError)) throw error;
    sendJson(res, 400, { code: error.code, message: error.message, problems: error.problems });
    return;
  }
  send(res, 204, {});
}

/** Paged, because a benchmark's log can hold hundreds of thousands of records. */
function listInvocations(res: ServerResponse, query: URLSearchParams, api: ApiContext) {
  const functionName = query.get('functionName');
  const records = functionName ? api.log.of(functionName) : api.log.all;
  const from = Math.max(0, Number(query.get('from') ?? 0) || 0);
  const limit = query.has('limit') ? Math.max(0, Number(query.get('limit')) || 0) : records.length;
  sendJson(res, 200, { total: records.length, invocations: records.slice(from, from + limit) });
}
