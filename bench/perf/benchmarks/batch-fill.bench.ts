import { uniqueName } from '../../../test/support/kafka';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import type { Figure } from '../results';
import { drainWithSink, type SinkDrain } from '../sink-runner';

const BATCH_SIZES = [20, 100, 500];
/** The goal of issue 6: mean records per invocation at least this share of the batch size. */
const FILL_GOAL = 0.95;

/**
 * 5. Batch fill under backlog: with records waiting, every invocation could carry a full
 * batch. What the sink sends instead shows where it cuts batches short (at the end of each
 * fetched chunk of a partition, since batches never span two fetches).
 */
export const batchFillBenchmark: Benchmark = {
  name: 'batch-fill',
  title: '5. Batch fill under backlog',
  async run(ctx: BenchContext) {
    const { backlogPartitions: partitions, backlogRecords, batchFillRecords } = ctx.sizes;
    const topic = await ctx.backlog(partitions, backlogRecords);
    const runs: Array<{ batchSize: number; drain: SinkDrain }> = [];
    for (const batchSize of BATCH_SIZES) {
      ctx.log(`batch-fill: batch size ${batchSize}`);
      runs.push({
        batchSize,
        drain: await drainWithSink(ctx, {
          label: `batch ${batchSize}`,
          topic,
          // Stops well before the end of the topic, so every batch was cut under backlog.
          expected: Math.min(batchFillRecords, backlogRecords / 2),
          timeoutMs: ctx.sizes.drainTimeoutMs,
          properties: {
            name: uniqueName('bench-fill'),
            'aws.lambda.batch.size': String(batchSize),
          },
        }),
      });
    }
    const figures: Figure[] = runs.map(({ batchSize, drain }) => {
      const { records, invocations } = drain.stats;
      const perInvocation = records / invocations;
      return {
        bench: 'batch-fill',
        figure: `batch.size ${batchSize}: mean records/invocation ÷ batch.size`,
        value: (perInvocation / batchSize) * 100,
        unit: '%',
        goal: { op: '>=', target: FILL_GOAL * 100 },
        note: `${perInvocation.toFixed(1)} records/invocation over ${invocations} invocations (${records} records)`,
      };
    });
    return { figures, details: { topic, runs } };
  },
};
