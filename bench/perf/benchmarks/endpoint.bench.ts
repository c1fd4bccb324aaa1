import { uniqueName } from '../../../test/support/kafka';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import { driveEndpoint } from '../endpoint-driver';

const CONCURRENCY = 8;
const BATCH_SIZES = [20, 100];

/**
 * The Lambda endpoint alone, without Kafka: the sink's own client (same SDK settings, same
 * invoker, same transport) calls an instant function as fast as it can, 8 calls at a time, with
 * payloads like the sink's. It is the ceiling the HTTP path allows on this machine, and it shows
 * what the endpoint, which shares the cores with the broker and the sink, costs per record.
 */
export const endpointBenchmark: Benchmark = {
  name: 'endpoint',
  title: 'Endpoint alone: SDK client → local Lambda endpoint, no Kafka',
  async run(ctx: BenchContext) {
    const fn = uniqueName('bench-endpoint');
    await ctx.endpoint.register(fn, 'count');
    const runs = [];
    for (const batchSize of BATCH_SIZES) {
      runs.push(
        await driveEndpoint(ctx, fn, {
          batchSize,
          concurrency: CONCURRENCY,
          invocations: ctx.sizes.endpointInvocations,
        }),
      );
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
