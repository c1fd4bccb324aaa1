import type { BenchContext } from './bench-context';
import type { Figure } from './results';

export interface BenchOutcome {
  figures: Figure[];
  /** The raw measurements behind the figures, kept in the JSON results. */
  details: unknown;
}

/** One benchmark of issue 6, selectable by `name` on the command line. */
export interface Benchmark {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchOutcome>;
}
