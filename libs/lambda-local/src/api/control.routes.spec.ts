import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLambdaLocal, type LambdaLocal } from '../index';

// The /_local/ routes drive Lambda Local from another process (end-to-end tests, the
// demo), so they are exercised here with plain HTTP, as such a process would.
describe('Lambda Local control routes', () => {
  let lambda: LambdaLocal;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${lambda.url}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    });
  const invoke = (name: string, payload: unknown) =>
    call('POST', `/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, payload);

  before(async () => {
    lambda = await startLambdaLocal({ functions: { a: (e) => e, b: () => 'b' } });
  });

  after(() => lambda.close());

  beforeEach(() => {
    lambda.clearFaults();
    lambda.clearInvocations();
  });

  it('lists the functions', async () => {
    const res = await call('GET', '/_local/functions');
    assert.deepEqual(await res.json(), { functions: ['a', 'b'] });
  });

  it('sets faults with PUT and clears them with DELETE', async () => {
    const put = await call('PUT', '/_local/functions/a/faults', { throttle: { firstN: 1 } });
    assert.equal(put.status, 204);
    const throttled = await invoke('a', {});
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('x-amzn-errortype'), 'TooManyRequestsException');
    assert.equal(throttled.headers.get('retry-after'), '1');
    assert.deepEqual(await throttled.json(), {
      Type: 'User',
      message: 'Rate Exceeded.',
      Reason: 'ConcurrentInvocationLimitExceeded',
    });
    assert.equal((await invoke('a', {})).status, 200);

    await call('PUT', '/_local/functions/a/faults', { serverError: true });
    assert.equal((await call('DELETE', '/_local/functions/a/faults')).status, 204);
    assert.equal((await invoke('a', {})).status, 200);
  });

  it('supports a payload predicate for function errors over HTTP', async () => {
    await call('PUT', '/_local/functions/a/faults', {
      functionError: { payloadContains: 'poison', kind: 'Handled' },
    });
    assert.equal((await invoke('a', ['fine'])).headers.get('x-amz-function-error'), null);
    assert.equal((await invoke('a', ['poison'])).headers.get('x-amz-function-error'), 'Handled');
  });

  it('answers 400 with every problem for a malformed fault set', async () => {
    const res = await call('PUT', '/_local/functions/a/faults', {
      throtle: {},
      hang: { ratio: 5 },
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { code: string; problems: string[] };
    assert.equal(body.code, 'LAMBDA_LOCAL_INVALID_FAULTS');
    assert.deepEqual(body.problems, [
      'throtle is not a known fault setting',
      'hang.ratio must be a number from 0 to 1, got 5',
    ]);
  });

  it('lists invocations, filtered and paged, and clears them', async () => {
    await invoke('a', [1]);
    await invoke('b', [2]);
    await invoke('a', [3]);
    const all = (await (await call('GET', '/_local/invocations')).json()) as { total: number };
    assert.equal(all.total, 3);

    const page = (await (
      await call('GET', '/_local/invocations?functionName=a&from=1&limit=5')
    ).json()) as {
      total: number;
      invocations: Array<{
        functionName: string;
        payload: string;
        event: unknown;
        statusCode: number;
      }>;
    };
    assert.equal(page.total, 2);
    assert.equal(page.invocations.length, 1);
    assert.equal(page.invocations[0].functionName, 'a');
    assert.equal(page.invocations[0].payload, '[3]');
    assert.deepEqual(page.invocations[0].event, [3]);
    assert.equal(page.invocations[0].statusCode, 200);

    assert.equal((await call('DELETE', '/_local/invocations')).status, 204);
    assert.equal(lambda.invocations.length, 0);
  });

  it('answers an unknown route with UnknownOperationException', async () => {
    const res = await call('GET', '/2015-03-31/nothing');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  });

  it('refuses an invalid invocation type with ValidationException', async () => {
    const res = await fetch(`${lambda.url}/2015-03-31/functions/a/invocations`, {
      method: 'POST',
      headers: { 'X-Amz-Invocation-Type': 'Sometimes' },
      body: '{}',
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'ValidationException');
  });
});
