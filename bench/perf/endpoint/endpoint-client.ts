import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LambdaFaults } from '../../../libs/lambda-local/src';
import type {
  BenchFunctionKind,
  EndpointEnvelope,
  EndpointProcessStats,
  EndpointReply,
  EndpointRequest,
  EndpointResponses,
  FunctionStats,
} from './endpoint-protocol';

/** The benchmarks' handle on the Lambda endpoint child (see endpoint-process.ts). */
export class BenchEndpoint {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();

  private constructor(
    private readonly child: ChildProcess,
    /** `aws.lambda.endpoint` for the sink. */
    readonly url: string,
  ) {
    child.on('message', (reply: EndpointReply) => {
      if (reply.kind !== 'reply') return;
      const pending = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.error !== undefined) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply.result);
    });
  }

  static start(): Promise<BenchEndpoint> {
    const child = fork(join(__dirname, 'endpoint-process.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`bench endpoint exited with ${code}`)));
      child.on('message', (reply: EndpointReply) => {
        if (reply.kind === 'ready') resolve(new BenchEndpoint(child, reply.url));
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async register(name: string, kind: BenchFunctionKind, faults?: LambdaFaults): Promise<void> {
    await this.request({ op: 'register', name, kind });
    if (faults) await this.request({ op: 'setFaults', name, faults });
  }

  stats(name: string): Promise<FunctionStats> {
    return this.request({ op: 'stats', name });
  }

  latencies(name: string): Promise<number[]> {
    return this.request({ op: 'latencies', name });
  }

  processStats(): Promise<EndpointProcessStats> {
    return this.request({ op: 'process' });
  }

  close(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.removeAllListeners('exit');
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }

  private request<R extends EndpointRequest>(request: R): Promise<EndpointResponses[R['op']]> {
    const id = this.nextId++;
    const envelope = { id, ...request } as EndpointEnvelope;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send(envelope);
    });
  }
}
