import { partitionKey } from '../status/sink-status';

/** One partition's cumulative counts at one moment. */
export interface ActivityCounts {
  topic: string;
  partition: number;
  records: number;
  invocations: number;
}

/** An error as the page shows it: the text and when it was first seen. */
export interface SeenError {
  message: string;
  at: number;
}

export interface PartitionRates {
  /** Per sampling interval over the window, oldest first. */
  recordsPerSecond: number[];
  invocationsPerSecond: number[];
}

interface Sample {
  at: number;
  counts: Map<string, ActivityCounts>;
}

/**
 * Rates per partition over a sliding window, from cumulative counters sampled at intervals
 * (the page's records/s and invocations/s sparklines), and the last error each partition or
 * the connector showed, with the time it first appeared. Pure: the caller supplies the clock.
 */
export class PartitionActivity {
  private readonly samples: Sample[] = [];
  private readonly lastErrors = new Map<string, SeenError>();

  constructor(private readonly windowMs = 60_000) {}

  sample(at: number, counts: ActivityCounts[]): void {
    this.samples.push({
      at,
      counts: new Map(counts.map((c) => [partitionKey(c.topic, c.partition), c])),
    });
    while (this.samples.length > 2 && this.samples[1].at <= at - this.windowMs)
      this.samples.shift();
  }

  rates(topic: string, partition: number): PartitionRates {
    const key = partitionKey(topic, partition);
    const recordsPerSecond: number[] = [];
    const invocationsPerSecond: number[] = [];
    for (let i = 1; i < this.samples.length; i++) {
      const before = this.samples[i - 1];
      const after = this.samples[i];
      const seconds = (after.at - before.at) / 1000;
      const now = after.counts.get(key);
      const then = before.counts.get(key);
      // A partition new in this interval (or one whose counter restarted) starts from zero.
      const delta = (field: 'records' | 'invocations') =>
        now && seconds > 0 ? Math.max(0, now[field] - (then?.[field] ?? 0)) / seconds : 0;
      recordsPerSecond.push(delta('records'));
      invocationsPerSecond.push(delta('invocations'));
    }
    return { recordsPerSecond, invocationsPerSecond };
  }

  /** Notes what `subject` shows now; a new non-empty message becomes its last error. */
  observeError(subject: string, message: string | undefined, at: number): void {
    if (!message || this.lastErrors.get(subject)?.message === message) return;
    this.lastErrors.set(subject, { message, at });
  }

  lastError(subject: string): SeenError | undefined {
    return this.lastErrors.get(subject);
  }
}
