import type { FinishedAhead } from '../../pipeline/finished-ahead';
/**
 * What the sink knows about itself, in Kafka Connect's vocabulary, for the status API,
 * readiness and logs. Plain data; the engine and tasks write it, the HTTP layer reads it.
 */
export type ConnectState =
  'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED';

export interface PartitionStatus {
  topic: string;
  partition: number;
  state: ConnectState;
  /** Next offset the group has committed (Kafka's convention: last processed + 1). */
  committedOffset?: number;
  /** High watermark seen in the last fetch or read of the partition's offsets. */
  highWatermark?: number;
  /** First offset in the log when its offsets were last read: where a partition with no commit starts. */
  logStartOffset?: number;
  /** The first offset not yet processed when the partition failed. */
  failedAtOffset?: number;
  trace?: string;
  /** Set while a partial batch waits for more records (`aws.lambda.batch.max.wait.ms`). */
  batchWindow?: { offset: number; openedAt: number };
  /** Set while the partition waits to retry a Lambda batch that failed transiently. */
  retry?: PartitionRetry;
  /** `ordering=key|none`: offsets finished past the commit point (not shown in the status API). */
  finishedAhead?: FinishedAhead;
}

/** A Lambda batch being retried after transient failures (throttling, 5xx, timeouts). */
export interface PartitionRetry {
  /** First offset of the batch being retried. */
  offset: number;
  /** Attempts made so far. */
  attempts: number;
  /** The last attempt's error. */
  reason: string;
  /** When the partition started retrying, and when its next attempt is due (epoch ms). */
  since: number;
  nextAttemptAt: number;
}

export interface TaskStatus {
  id: number;
  state: ConnectState;
  trace?: string;
  joinedGroup: boolean;
  partitions: Map<string, PartitionStatus>;
}

export const partitionKey = (topic: string, partition: number) => `${topic}-${partition}`;

/** The task's status of one partition, RUNNING from the first time the task sees it. */
export function partitionStatusOf(
  task: TaskStatus,
  topic: string,
  partition: number,
): PartitionStatus {
  const key = partitionKey(topic, partition);
  let p = task.partitions.get(key);
  if (!p) {
    p = { topic, partition, state: 'RUNNING' };
    task.partitions.set(key, p);
  }
  return p;
}

/**
 * Records between the partition's next offset to process and its high watermark: from the
 * committed offset, or from the log's start when nothing is committed yet (the consumer starts
 * there). Undefined until the partition's offsets have been seen.
 */
export function lagOf(p: PartitionStatus): number | undefined {
  const next = p.committedOffset ?? p.logStartOffset;
  if (p.highWatermark === undefined || next === undefined) return undefined;
  return Math.max(0, p.highWatermark - next);
}

/** The process-wide in-flight limit as the status shows it (the InFlightLimiter). */
export interface ConcurrencyStatus {
  readonly inFlight: number;
  /** Infinity when there is no limit. */
  readonly limit: number;
  readonly policy: { readonly adaptive: boolean };
}

export class SinkStatus {
  connectorState: ConnectState = 'UNASSIGNED';
  /** Set once the sink started invoking. */
  concurrency?: ConcurrencyStatus;
  connectorTrace?: string;
  /** Set when an operator paused the connector through the API. */
  pausedByUser = false;
  readonly tasks: TaskStatus[] = [];

  task(id: number): TaskStatus {
    let task = this.tasks.find((t) => t.id === id);
    if (!task) {
      task = { id, state: 'UNASSIGNED', joinedGroup: false, partitions: new Map() };
      this.tasks.push(task);
      this.tasks.sort((a, b) => a.id - b.id);
    }
    return task;
  }

  /**
   * Forgets the tasks, for a restart or a stop: a restarted sink starts from the group's
   * committed offsets, so a partition FAILED before is retried rather than kept stopped.
   */
  clearTasks(): void {
    this.tasks.length = 0;
  }

  failedPartitions(): PartitionStatus[] {
    return this.tasks.flatMap((t) =>
      [...t.partitions.values()].filter((p) => p.state === 'FAILED'),
    );
  }

  failedTasks(): TaskStatus[] {
    return this.tasks.filter((t) => t.state === 'FAILED');
  }
}
