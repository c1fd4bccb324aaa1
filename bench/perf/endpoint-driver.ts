import { optionsFromConnectProperties } from '../../libs/lambda-sink/src';
import { FunctionRouter } from '../../libs/lambda-sink/src/testing';
import { createInvokeTransport } from '../../libs/lambda-sink/src/testing';
import { createLambdaClient } from '../../libs/lambda-sink/src/testing';
import { LambdaInvoker } from '../../libs/lambda-sink/src/testing';
import { recordValue } from './backlog';
import type { BenchContext } from './bench-context';
import { benchSinkProperties } from './sink-runner';

export interface EndpointDrive {
  batchSize: number;
  invocations: number;
  invocationsPerSecond: number;
  recordsPerSecond: number;
  /** Mean time of one call as its caller waited for it. */
  meanCallMs: number;
  payloadBytes: number;
  clientCpuMsPerKRecord: number;
  endpointCpuMsPerKRecord: number;
}

/**
 * Calls `fn` through the sink's own invoker and transport (same SDK settings, same default
 * transport), `concurrency` callers each with one call at a time, without Kafka, with payloads
 * shaped like the sink's. What it reaches is what the HTTP path and the endpoint allow on this
 * machine, whatever any consumer did.
 */
export async function driveEndpoint(
  ctx: BenchContext,
  fn: string,
  options: { batchSize: number; concurrency: number; invocations: number },
): Promise<EndpointDrive> {
  const sinkOptions = optionsFromConnectProperties(
    benchSinkProperties(ctx, { topics: 'unused', 'aws.lambda.function.name': fn }),
  );
  const client = createLambdaClient(sinkOptions.lambda);
  const { transport } = createInvokeTransport(sinkOptions.lambda, client, false);
  const invoker = new LambdaInvoker(transport, {
    ...sinkOptions.lambda,
    functions: FunctionRouter.fromOptions(sinkOptions.lambda),
    maxRetries: 0,
  });
  const { batchSize, concurrency, invocations } = options;
  const payload = Buffer.from(
    JSON.stringify(
      Array.from({ length: batchSize }, (_, i) => ({
        payload: {
          topic: 'bench',
          partition: 0,
          offset: i,
          key: `k${i}`,
          value: recordValue(i),
          headers: [],
          timestamp: Date.now(),
        },
      })),
    ),
  );
  const target = { topic: 'bench', partition: 0, firstOffset: 0, lastOffset: batchSize - 1 };
  try {
    // A few calls first, so the thread, the sockets and the JIT are warm when the clock starts.
    await Promise.all(Array.from({ length: concurrency }, () => invoker.invoke(payload, target)));
    let sent = 0;
    let callMs = 0;
    const before = ctx.cpu();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < invocations) {
          sent++;
          const callStarted = performance.now();
          await invoker.invoke(payload, target);
          callMs += performance.now() - callStarted;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const after = ctx.cpu();
    const records = invocations * batchSize;
    return {
      batchSize,
      invocations,
      invocationsPerSecond: invocations / seconds,
      recordsPerSecond: records / seconds,
      meanCallMs: callMs / invocations,
      payloadBytes: payload.byteLength,
      clientCpuMsPerKRecord: ((after.consumer - before.consumer) / records) * 1000,
      endpointCpuMsPerKRecord:
        after.endpoint !== undefined && before.endpoint !== undefined
          ? ((after.endpoint - before.endpoint) / records) * 1000
          : Number.NaN,
    };
  } finally {
    await transport.close();
    client.destroy();
  }
}
