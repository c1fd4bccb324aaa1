import { parentPort, workerData } from 'node:worker_threads';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { ClientInvokeTransport } from '../invoke-transport';
import type {
  InvokeThreadCall,
  InvokeThreadData,
  InvokeThreadReply,
} from './invoke-thread-protocol';
import { buildLambdaClient } from '../lambda-client-factory';
import { toTransferableError } from './transferable-error';

/**
 * An invoke thread: signs and sends invocations with its own Lambda client, so the SDK's
 * per-call work (middleware, SigV4, HTTP) runs beside the event loop that fetches from Kafka
 * and serializes batches instead of on it. Started by `ThreadedInvokeTransport`.
 */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('invoke-thread runs as a worker thread only');
  const { settings } = workerData as InvokeThreadData;
  let credentials: AwsCredentialIdentity | undefined;
  const client = buildLambdaClient(settings, async () => {
    if (!credentials) throw new Error('no credentials were passed to the invoke thread');
    return credentials;
  });
  const transport = new ClientInvokeTransport(client);
  const reply = (message: InvokeThreadReply) => port.postMessage(message);

  port.on('message', (call: InvokeThreadCall) => {
    credentials = call.credentials;
    transport.send(call.request).then(
      (response) => {
        // The body goes back as bytes, moved rather than copied, and is decoded on the event
        // loop: a function's answer can be megabytes, which this thread's heap need not hold.
        const payload = response.payload && ownedBytes(response.payload);
        port.postMessage(
          { id: call.id, response: { ...response, payload } } satisfies InvokeThreadReply,
          payload ? [payload.buffer as ArrayBuffer] : [],
        );
      },
      (error: unknown) => reply({ id: call.id, error: toTransferableError(error) }),
    );
  });
}

/** `bytes` if it is the whole of its memory, else a copy that is (only such memory can move). */
function ownedBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}

main();
