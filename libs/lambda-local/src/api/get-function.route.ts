import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  buildFunctionConfiguration,
  buildGetFunctionResponse,
} from '../functions/function-configuration';
import type { ApiContext } from './api-context';
import { sendJson } from './http-io';
import { apiErrors } from './lambda-api.error';

/**
 * `GET /2015-03-31/functions/{FunctionName}` (GetFunction) and its `/configuration`
 * sibling (GetFunctionConfiguration): the calls a client makes to check that a function
 * exists and that it may see it. `denyGetFunction` refuses both, as one IAM action does.
 */
export function handleGetFunction(
  res: ServerResponse,
  functionName: string,
  queryQualifier: string | undefined,
  api: ApiContext,
  configurationOnly: boolean,
): void {
  const requestId = randomUUID();
  const target = api.registry.resolve(functionName, queryQualifier);
  if (api.faults.of(target.fn.name)?.deniesGetFunction) {
    const { accountId } = api.registry.identity;
    throw apiErrors.accessDenied(accountId, 'GetFunction', target.invokedFunctionArn);
  }
  const { identity } = api.registry;
  const body = configurationOnly
    ? buildFunctionConfiguration(target, identity)
    : buildGetFunctionResponse(target, identity, api.baseUrl());
  sendJson(res, 200, body, requestId);
}
