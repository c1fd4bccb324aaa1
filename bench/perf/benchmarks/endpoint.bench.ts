import { optionsFromConnectProperties } from '../../../libs/lambda-sink/src/config/connect-options';
import { createLambdaClient } from '../../../libs/lambda-sink/src/invocation/lambda-client-factory';
import { createInvokeTransport } from '../../../libs/lambda-sink/src/invocation/invoke-transport-factory';
import { LambdaInvoker } from '../../../libs/lambda-sink/src/invocation/lambda-invoker';
import { uniqueName } from '../../../test/support/kafka';
import { recordValue } from '../backlog';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import { benchSinkProperties } from '../sink-runner';

const CONCURRENCY = 8;
const BATCH_SIZES = [20, 100];

/**
 * The Lambda endpoint alone, without Kafka: the sink's own client (same SDK settings, same
 * invoker) calls an instant function as fast as it can, 8 calls at a time, with payloads like
 * the sink's. It is the ceiling the HTTP path allows on this machine, and it shows what the
 * endpoint, which shares the cores with the broker and the sink, costs per record.
 */
export const endpointBenchmark: Benchmark = {
  name: 'endpoint',
  title: 'Endpoint alone: SDK client → local Lambda endpoint, no Kafka',
  async run(ctx: BenchContext) {
    const fn = uniqueName('bench-endpoint');
    await ctx.endpoint.register(fn, 'count');
    const options = optionsFromConnectProperties(
      benchSinkProperties(ctx, { topics: 'unused', 'aws.lambda.function.name': fn }),
    );
    const client = createLambdaClient(options.lambda);
    // The transport the sink would use with these options (an invoke thread by default).
    const { transport } = createInvokeTransport(options.lambda, client, false);
    const invoker = new LambdaInvoker(transport, { ...options.lambda, maxRetries: 0 });
    const runs = [];
    try {
      for (const batchSize of BATCH_SIZES) {
        const payload = JSON.stringify(
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
        );
        const target = { topic: 'bench', partition: 0, firstOffset: 0, lastOffset: batchSize - 1 };
        const total = ctx.sizes.endpointInvocations;
        let sent = 0;
        const before = ctx.cpu();
        const started = Date.now();
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (sent < total) {
              sent++;
              await invoker.invoke(payload, target);
            }
          }),
        );
        const seconds = (Date.now() - started) / 1000;
        const after = ctx.cpu();
        const records = total * batchSize;
        runs.push({
          batchSize,
          invocations: total,
          invocationsPerSecond: total / seconds,
          recordsPerSecond: records / seconds,
          payloadBytes: Buffer.byteLength(payload),
          clientCpuMsPerKRecord: ((after.consumer - before.consumer) / records) * 1000,
          endpointCpuMsPerKRecord:
            after.endpoint !== undefined && before.endpoint !== undefined
              ? ((after.endpoint - before.endpoint) / records) * 1000
              : Number.NaN,
        });
      }
    } finally {
      await transport.close();
      client.destroy();
    }
    return {
      figures: runs.map((r) => ({
        bench: 'endpoint',
        figure: `batch ${r.batchSize}: records/s through the endpoint alone`,
        value: r.recordsPerSecond,
        unit: 'rec/s',
        note:
          `${Math.round(r.invocationsPerSecond)} invocations/s, ${CONCURRENCY} at a time; CPU ms/1k rec: ` +
          `client ${r.clientCpuMsPerKRecord.toFixed(1)}, endpoint ${r.endpointCpuMsPerKRecord.toFixed(1)}`,
      })),
      details: { runs },
    };
  },
};
