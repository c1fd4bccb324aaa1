import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { startLambdaLocal, type LambdaLocal } from '../../../../lambda-local/src';
import { classifyInvokeError } from '../invoke-error-classifier';
import type { InvokeRequest } from '../invoke-transport';
import {
  INVOKE_THREAD_EXIT,
  invokeThreadsAvailable,
  ThreadedInvokeTransport,
} from './threaded-invoke-transport';

const KEYS: AwsCredentialIdentity = { accessKeyId: 'AKIDTHREAD', secretAccessKey: 'thread-secret' };

function call(functionName: string, payload: unknown = { n: 1 }): InvokeRequest {
  return {
    functionName,
    invocationType: 'RequestResponse',
    payload: Buffer.from(JSON.stringify(payload)),
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected the call to fail');
}

describe('ThreadedInvokeTransport (invoke threads against the local Lambda endpoint)', () => {
  let lambda: LambdaLocal;
  let transport: ThreadedInvokeTransport;

  before(async () => {
    lambda = await startLambdaLocal({
      functions: {
        echo: (event) => ({ got: event }),
        slow: async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return 'late';
        },
      },
    });
    transport = new ThreadedInvokeTransport(
      2,
      { endpoint: lambda.url, region: 'us-east-1', socketTimeoutMs: 5_000 },
      async () => KEYS,
    );
  });
  after(async () => {
    await transport.close();
    await lambda.close();
  });

  it('runs from the compiled output, where the thread entry sits next to it', () => {
    assert.equal(invokeThreadsAvailable(), true);
  });

  it('returns the status and the decoded response of the function', async () => {
    const response = await transport.invoke(call('echo', [{ payload: { offset: 7 } }]));
    assert.equal(response.statusCode, 200);
    assert.equal(response.functionError, undefined);
    assert.deepEqual(JSON.parse(response.payload ?? ''), { got: [{ payload: { offset: 7 } }] });
    assert.equal(lambda.invocationsOf('echo').length, 1);
  });

  it('reports a function error as Lambda does, on a 200', async () => {
    lambda.setFaults('echo', { functionError: { firstN: 1, message: 'boom' } });
    const response = await transport.invoke(call('echo'));
    assert.equal(response.statusCode, 200);
    assert.equal(response.functionError, 'Unhandled');
    assert.match(response.payload ?? '', /boom/);
  });

  it('hands over SDK errors that classify as the originals do (429 transient, 404 configuration)', async () => {
    lambda.setFaults('echo', { throttle: { firstN: 1 } });
    const throttled = await rejection(transport.invoke(call('echo')));
    assert.equal(throttled.name, 'TooManyRequestsException');
    assert.equal(classifyInvokeError(throttled), 'transient');

    const missing = await rejection(transport.invoke(call('no-such-function')));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(
      (missing as Error & { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode,
      404,
    );
    assert.equal(classifyInvokeError(missing), 'configuration');
  });

  it('cuts an attempt at the socket timeout with a transient error', async () => {
    const impatient = new ThreadedInvokeTransport(
      1,
      { endpoint: lambda.url, region: 'us-east-1', socketTimeoutMs: 100 },
      async () => KEYS,
    );
    try {
      const error = await rejection(impatient.invoke(call('slow')));
      assert.equal(classifyInvokeError(error), 'transient', `${error.name}: ${error.message}`);
    } finally {
      await impatient.close();
    }
  });

  it('releases the caller as soon as its signal aborts, while the call is still in flight', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = transport.invoke(call('slow'), controller.signal);
    setTimeout(() => controller.abort(new Error('shutting down')), 20);
    const error = await rejection(pending);
    assert.equal(error.message, 'shutting down');
    assert.ok(Date.now() - started < 250, `released after ${Date.now() - started} ms`);
  });

  it('fails the calls of a thread that dies as transient, and the next call starts a new thread', async () => {
    const fragile = new ThreadedInvokeTransport(
      1,
      { endpoint: lambda.url, region: 'us-east-1', socketTimeoutMs: 5_000 },
      async () => KEYS,
    );
    try {
      const inFlight = fragile.invoke(call('slow'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Reach the worker as a crash would: it goes away with a call in flight.
      const thread = (
        fragile as unknown as { threads: Array<{ worker?: { terminate(): Promise<number> } }> }
      ).threads[0];
      await thread.worker?.terminate();
      const error = await rejection(inFlight);
      assert.equal(error.name, INVOKE_THREAD_EXIT);
      assert.equal(classifyInvokeError(error), 'transient');
      const again = await fragile.invoke(call('echo'));
      assert.equal(again.statusCode, 200);
    } finally {
      await fragile.close();
    }
  });

  it('fails calls still in flight when closed, and refuses new ones', async () => {
    const closing = new ThreadedInvokeTransport(
      1,
      { endpoint: lambda.url, region: 'us-east-1', socketTimeoutMs: 5_000 },
      async () => KEYS,
    );
    const inFlight = closing.invoke(call('slow'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closing.close();
    assert.equal((await rejection(inFlight)).name, INVOKE_THREAD_EXIT);
    assert.equal((await rejection(closing.invoke(call('echo')))).name, INVOKE_THREAD_EXIT);
  });
});

describe('ThreadedInvokeTransport credentials', () => {
  let server: Server;
  const signedWith: string[] = [];

  before(async () => {
    // Answers like Lambda and notes the access key of each request's SigV4 signature.
    server = createServer((req, res) => {
      const match = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '');
      signedWith.push(match?.[1] ?? 'unsigned');
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('"ok"');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('signs each call with what the provider on the event loop returns, rotation included', async () => {
    const { port } = server.address() as AddressInfo;
    // Temporary credentials near their expiry: the SDK asks for fresh ones before each call.
    const expiring = (accessKeyId: string): AwsCredentialIdentity => ({
      accessKeyId,
      secretAccessKey: `${accessKeyId}-secret`,
      expiration: new Date(Date.now() + 60_000),
    });
    let current = expiring('AKIDFIRST');
    const transport = new ThreadedInvokeTransport(
      1,
      { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', socketTimeoutMs: 5_000 },
      async () => current,
    );
    try {
      await transport.invoke(call('fn'));
      current = expiring('AKIDSECOND');
      await transport.invoke(call('fn'));
      assert.deepEqual(signedWith, ['AKIDFIRST', 'AKIDSECOND']);
    } finally {
      await transport.close();
    }
  });

  it('fails a call whose credentials cannot be resolved, before it reaches a thread', async () => {
    const { port } = server.address() as AddressInfo;
    const before = signedWith.length;
    const transport = new ThreadedInvokeTransport(
      1,
      { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', socketTimeoutMs: 5_000 },
      async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        });
      },
    );
    try {
      const error = await rejection(transport.invoke(call('fn')));
      assert.equal(error.name, 'CredentialsProviderError');
      assert.equal(classifyInvokeError(error), 'configuration');
      assert.equal(signedWith.length, before);
    } finally {
      await transport.close();
    }
  });
});
