import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import {
  decodeResponse,
  type InvokeRequest,
  type InvokeResponse,
  type InvokeTransport,
} from '../invoke-transport';
import type {
  InvokeThreadCall,
  InvokeThreadData,
  InvokeThreadReply,
} from './invoke-thread-protocol';
import type { LambdaClientSettings } from '../lambda-client-factory';
import { fromTransferableError } from './transferable-error';

/** The compiled thread entry, next to this file. Absent when the sources run untranspiled. */
export const INVOKE_THREAD_FILE = join(__dirname, 'invoke-thread.js');

export function invokeThreadsAvailable(): boolean {
  return existsSync(INVOKE_THREAD_FILE);
}

/**
 * An invoke thread's heap. Requests and responses cross it as bytes outside the heap, so it
 * holds only the SDK's objects per call; V8's defaults (a young generation up to 48 MB, an old
 * one grown to four times its live size) only added resident memory (measured: +60 MB peak RSS
 * under a backlog). A smaller ceiling also makes V8 grow the heap more conservatively.
 */
const INVOKE_THREAD_YOUNG_GENERATION_MB = 8;
const INVOKE_THREAD_OLD_GENERATION_MB = 128;

/** The name `classifyInvokeError` treats as transient: the call never got an answer. */
export const INVOKE_THREAD_EXIT = 'InvokeThreadExit';

/**
 * Invokes on `count` worker threads, each with its own Lambda client; a call goes to the thread
 * with the fewest calls in flight. Credentials are resolved here, by the configured provider,
 * and travel with each call. A thread that dies fails its calls as transient errors (the invoker
 * retries them) and is started again by the next call.
 */
export class ThreadedInvokeTransport implements InvokeTransport {
  private readonly threads: InvokeThread[];

  constructor(
    count: number,
    settings: LambdaClientSettings,
    private readonly credentials: AwsCredentialIdentityProvider,
  ) {
    this.threads = Array.from({ length: count }, () => new InvokeThread({ settings }));
  }

  async invoke(request: InvokeRequest, signal?: AbortSignal): Promise<InvokeResponse> {
    const credentials = await this.credentials();
    let thread = this.threads[0];
    for (const t of this.threads) if (t.inFlight < thread.inFlight) thread = t;
    return thread.invoke(request, credentials, signal);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}

interface PendingCall {
  resolve: (response: InvokeResponse) => void;
  reject: (error: unknown) => void;
  /** The thread instance that has the call: a restarted thread's calls outlive the old one. */
  worker: Worker;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** One worker thread and the calls it has in flight. */
class InvokeThread {
  private worker?: Worker;
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly data: InvokeThreadData) {}

  get inFlight(): number {
    return this.pending.size;
  }

  invoke(
    request: InvokeRequest,
    credentials: AwsCredentialIdentity,
    signal?: AbortSignal,
  ): Promise<InvokeResponse> {
    if (this.closed) return Promise.reject(threadExit('the sink is stopping'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const worker = this.worker ?? this.start();
    return new Promise<InvokeResponse>((resolve, reject) => {
      const id = ++this.nextId;
      const call: PendingCall = { resolve, reject, worker, signal };
      if (signal) {
        // The request itself runs on: it ends at the socket timeout at the latest, and its
        // answer is dropped. The caller is released now, so a shutdown does not wait for it.
        call.onAbort = () => this.settle(id)?.reject(signal.reason);
        signal.addEventListener('abort', call.onAbort, { once: true });
      }
      this.pending.set(id, call);
      // postMessage copies a view's whole underlying memory: a slice of Node's shared pool
      // would send the pool along, so such a payload is copied to its own memory first.
      const payload = request.payload;
      const owned =
        payload.byteOffset === 0 && payload.byteLength === payload.buffer.byteLength
          ? payload
          : new Uint8Array(payload);
      const message: InvokeThreadCall = {
        id,
        request: { ...request, payload: owned },
        credentials,
      };
      worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
    this.failAll(undefined, threadExit('the sink is stopping'));
  }

  private start(): Worker {
    const worker = new Worker(INVOKE_THREAD_FILE, {
      workerData: this.data,
      resourceLimits: {
        maxYoungGenerationSizeMb: INVOKE_THREAD_YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: INVOKE_THREAD_OLD_GENERATION_MB,
      },
    });
    // The thread never keeps the process alive by itself; the consumers do while they run.
    worker.unref();
    let failure: Error | undefined;
    worker.on('message', (reply: InvokeThreadReply) => {
      const call = this.settle(reply.id);
      if (!call) return;
      if ('response' in reply) call.resolve(decodeResponse(reply.response));
      else call.reject(fromTransferableError(reply.error));
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(
        worker,
        threadExit(
          `the invoke thread exited (code ${code})${failure ? `: ${failure.message}` : ''}`,
        ),
      );
    });
    this.worker = worker;
    return worker;
  }

  private settle(id: number): PendingCall | undefined {
    const call = this.pending.get(id);
    if (!call) return undefined;
    this.pending.delete(id);
    if (call.onAbort) call.signal?.removeEventListener('abort', call.onAbort);
    return call;
  }

  /** Fails the calls sent to `worker` (all calls when undefined). */
  private failAll(worker: Worker | undefined, error: Error): void {
    for (const [id, call] of [...this.pending]) {
      if (worker === undefined || call.worker === worker) this.settle(id)?.reject(error);
    }
  }
}

function threadExit(message: string): Error {
  const error = new Error(message);
  error.name = INVOKE_THREAD_EXIT;
  return error;
}
