import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaOptions } from '../config/lambda-sink-options';
import { ClientInvokeTransport, type InvokeTransport } from './invoke-transport';
import { resolveRegion } from './lambda-client-factory';
import {
  invokeThreadsAvailable,
  ThreadedInvokeTransport,
} from './thread/threaded-invoke-transport';

export interface InvokeTransportChoice {
  transport: InvokeTransport;
  /** Why the threads asked for are not used, for a startup warning. */
  warning?: string;
}

/**
 * Invoke threads when they are asked for (`aws.lambda.invoke.threads` ≥ 1), unless the
 * application injected its own client (its middleware lives on this thread) or the compiled
 * thread entry is missing (sources run untranspiled, or bundled into one file).
 */
export function createInvokeTransport(
  options: LambdaOptions,
  client: LambdaClient,
  clientInjected: boolean,
): InvokeTransportChoice {
  const onEventLoop = { transport: new ClientInvokeTransport(client) };
  if (options.invokeThreads === 0 || clientInjected) return onEventLoop;
  if (!invokeThreadsAvailable()) {
    return {
      ...onEventLoop,
      warning:
        'aws.lambda.invoke.threads: the compiled invoke-thread.js is not next to the library, ' +
        'so invocations run on the event loop',
    };
  }
  const settings = {
    region: resolveRegion(options),
    endpoint: options.endpoint,
    socketTimeoutMs: options.socketTimeoutMs,
    proxy: options.proxy,
  };
  return {
    transport: new ThreadedInvokeTransport(options.invokeThreads, settings, (args) =>
      client.config.credentials(args),
    ),
  };
}
