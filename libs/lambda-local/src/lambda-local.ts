import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiContext } from './api/api-context';
import { createRequestListener } from './api/lambda-api.router';
import { FaultInjector } from './faults/fault-injector';
import type { LambdaFaults } from './faults/fault.types';
import { FunctionRegistry, type LocalFunctionConfig } from './functions/function-registry';
import { loadHandlers } from './functions/handler-loader';
import type { LambdaHandler } from './functions/lambda-handler.types';
import { InvocationLog } from './invocations/invocation-log';
import type { InvocationRecord } from './invocations/invocation-record';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_HOST,
  DEFAULT_REGION,
  type LambdaLocalOptions,
} from './lambda-local.options';

/**
 * Idle keep-alive connections stay open this long. Above the usual client pools' idle
 * times (Node's agent keeps sockets until the server closes them), so a client never
 * reuses a socket the server is closing at that very moment, which would surface as a
 * spurious ECONNRESET in tests and benchmarks.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** A running Lambda Local: its address, its invocation log and its fault controls. */
export interface LambdaLocal {
  /** `http://host:port`: the `endpoint` for `new LambdaClient({ endpoint })`. */
  readonly url: string;
  readonly port: number;
  /** Every Invoke request so far, in arrival order. */
  readonly invocations: readonly InvocationRecord[];
  /** The records of one function (base name, whatever form the requests used). */
  invocationsOf(functionName: string): InvocationRecord[];
  clearInvocations(): void;
  functionNames(): string[];
  /** Adds or replaces a function; throws InvalidFunctionError. */
  registerFunction(name: string, handler: LambdaHandler, config?: LocalFunctionConfig): void;
  /** Replaces a function's faults and restarts their counters; throws InvalidFaultsError. */
  setFaults(functionName: string, faults: LambdaFaults): void;
  /** Clears one function's faults, or all. */
  clearFaults(functionName?: string): void;
  /** Stops listening and cuts every connection, hung ones included. */
  close(): Promise<void>;
}

/**
 * Starts the Lambda Invoke API on `host:port`. Resolves once it listens, with the
 * handler modules of `functionsDir` loaded (a bad module fails the start with a
 * HandlerLoadError naming every problem).
 */
export async function startLambdaLocal(options: LambdaLocalOptions = {}): Promise<LambdaLocal> {
  const registry = new FunctionRegistry({
    region: options.region ?? DEFAULT_REGION,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
  });
  if (options.functionsDir !== undefined) {
    for (const loaded of await loadHandlers(options.functionsDir)) {
      registry.register(loaded.name, loaded.handler, loaded.config, loaded.file);
    }
  }
  for (const [name, handler] of Object.entries(options.functions ?? {})) {
    registry.register(name, handler, options.functionConfigs?.[name]);
  }

  let baseUrl = '';
  const api: ApiContext = {
    registry,
    faults: new FaultInjector(),
    log: new InvocationLog(),
    recordPayloads: options.recordPayloads ?? true,
    baseUrl: () => baseUrl,
  };
  const server = createServer(createRequestListener(api));
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Must exceed keepAliveTimeout, or Node may cut an idle socket while a request arrives.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  // A hung invocation must stay open until the client or close() ends it.
  server.requestTimeout = 0;

  const host = options.host ?? DEFAULT_HOST;
  const port = await listen(server, options.port ?? 0, host);
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new RunningLambdaLocal(server, api, baseUrl, port);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

class RunningLambdaLocal implements LambdaLocal {
  private closing?: Promise<void>;

  constructor(
    private readonly server: Server,
    private readonly api: ApiContext,
    readonly url: string,
    readonly port: number,
  ) {}

  get invocations(): readonly InvocationRecord[] {
    return this.api.log.all;
  }

  invocationsOf(functionName: string): InvocationRecord[] {
    return this.api.log.of(functionName);
  }

  clearInvocations(): void {
    this.api.log.clear();
  }

  functionNames(): string[] {
    return this.api.registry.names();
  }

  registerFunction(name: string, handler: LambdaHandler, config?: LocalFunctionConfig): void {
    this.api.registry.register(name, handler, config);
  }

  setFaults(functionName: string, faults: LambdaFaults): void {
    this.api.faults.set(functionName, faults);
  }

  clearFaults(functionName?: string): void {
    this.api.faults.clear(functionName);
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // close() alone waits for open connections; keep-alive and hung ones would hold it.
      this.server.closeAllConnections();
    });
    return this.closing;
  }
}
