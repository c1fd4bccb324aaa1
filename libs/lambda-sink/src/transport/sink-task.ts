import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import { describeError } from '../errors/messages';
import { partitionKey, type PartitionStatus, type TaskStatus } from '../status/sink-status';
import type { PartitionControls } from './partition-controls';
import type { PartitionProcessor } from './partition-processor';

/** How often a long Lambda call keeps the group session alive (kafkajs throttles to its interval). */
const HEARTBEAT_TICK_MS = 1000;

export interface SinkTaskTuning {
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxBytesPerPartition: number;
  maxBytes: number;
  partitionsConsumedConcurrently: number;
}

/**
 * One member of the consumer group — what Kafka Connect calls a task. It consumes with kafkajs
 * `eachBatch`, auto-resolve and auto-commit off, and hands each partition's batch to the
 * partition processor. Partitions are worked on in parallel; one partition's batch is never
 * processed twice at once, because kafkajs fetches it again only after the handler returned.
 */
export class SinkTask {
  private readonly logger: Logger;
  private readonly consumer: Consumer;
  private readonly active = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();
  private stopping = false;
  private rebalancing = false;

  constructor(
    readonly id: number,
    kafka: Kafka,
    private readonly options: LambdaSinkOptions,
    private readonly processor: PartitionProcessor,
    private readonly status: TaskStatus,
    private readonly tuning: SinkTaskTuning,
  ) {
    this.logger = new Logger(`LambdaSink task ${id}`);
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      maxBytesPerPartition: tuning.maxBytesPerPartition,
      maxBytes: tuning.maxBytes,
      // A shutdown waits for the fetch in progress; a short long-poll keeps that wait short.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    });
  }

  async start(): Promise<void> {
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, (e) => this.onGroupJoin(e.payload.memberAssignment));
    this.consumer.on(events.REBALANCING, () => {
      this.rebalancing = true;
    });
    this.consumer.on(events.CRASH, (e) => this.onCrash(e.payload.error, e.payload.restart));
    this.status.state = 'RUNNING';
    await this.connectAndRun();
  }

  private async connectAndRun(): Promise<void> {
    await this.consumer.connect();
    // Connect matches topics.regex against the whole topic name; RegExp.test would match a part.
    const topics: (string | RegExp)[] = this.options.topics ?? [
      new RegExp(`^(?:${this.options.topicsRegex})$`),
    ];
    await this.consumer.subscribe({
      topics,
      fromBeginning: this.options.autoOffsetReset === 'earliest',
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.tuning.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.track(this.onBatch(payload)),
    });
  }

  /**
   * kafkajs restarts its consumer after retriable crashes only; a broker that stays away longer
   * than its retries ends in a crash it does not restart. A sink must not stop for good because
   * Kafka was down for a while (Connect keeps trying too), so the task restarts the consumer
   * itself, backing off, until it runs or the sink stops. Readiness is DOWN meanwhile.
   */
  private onCrash(error: Error, restartedByKafkajs: boolean): void {
    this.status.joinedGroup = false;
    this.status.trace = describeError(error);
    this.logger.error(
      `consumer crashed: ${describeError(error)}; ${restartedByKafkajs ? 'kafkajs restarts it' : 'restarting it'}`,
    );
    if (!restartedByKafkajs) void this.restartAfterCrash(1);
  }

  private async restartAfterCrash(attempt: number): Promise<void> {
    if (this.stopping) return;
    await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
    if (this.stopping) return;
    try {
      await this.consumer.disconnect().catch(() => undefined);
      await this.connectAndRun();
      this.logger.log('consumer restarted after a crash');
    } catch (error) {
      this.status.trace = describeError(error);
      this.logger.warn(`consumer restart failed (${describeError(error)}); trying again`);
      void this.restartAfterCrash(attempt + 1);
    }
  }

  /**
   * Stops fetching, lets in-flight work finish for up to `timeoutMs` (it commits what
   * succeeded as it returns), abandons the rest uncommitted, then leaves the group.
   */
  async stop(timeoutMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.pauseAssigned();
    const drained = await waitAll([...this.active], timeoutMs);
    if (!drained) {
      this.logger.warn(
        `in-flight work not finished after ${timeoutMs} ms; abandoning it uncommitted`,
      );
      this.abort.abort(new Error('shutdown timeout'));
      await waitAll([...this.active], 5000);
    }
    await this.consumer
      .disconnect()
      .catch((e) => this.logger.warn(`disconnect: ${describeError(e)}`));
    this.status.state = 'UNASSIGNED';
    this.status.joinedGroup = false;
  }

  pauseAll(): void {
    this.pauseAssigned();
    if (this.status.state === 'RUNNING') this.status.state = 'PAUSED';
  }

  resumeAll(): void {
    if (this.status.state === 'FAILED') {
      this.status.state = 'RUNNING';
      this.status.trace = undefined;
    }
    for (const p of this.status.partitions.values()) {
      if (p.state !== 'UNASSIGNED') this.resumePartition(p.topic, p.partition);
    }
    if (this.status.state === 'PAUSED') this.status.state = 'RUNNING';
  }

  /** Resumes one partition, e.g. after behavior.on.error=fail stopped it: its failed batch is retried. */
  resumePartition(topic: string, partition: number): boolean {
    const p = this.status.partitions.get(partitionKey(topic, partition));
    if (!p) return false;
    p.state = 'RUNNING';
    p.trace = undefined;
    p.failedAtOffset = undefined;
    this.consumer.resume([{ topic, partitions: [partition] }]);
    return true;
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const status = this.partitionStatus(batch.topic, batch.partition);
    if (this.stopping || status.state === 'FAILED' || this.status.state === 'FAILED') return;
    const heartbeat = setInterval(() => {
      payload.heartbeat().catch(() => {
        // A failed heartbeat means the group is rebalancing: finish the current call, commit, return.
        this.rebalancing = true;
      });
    }, HEARTBEAT_TICK_MS);
    const controls: PartitionControls = {
      resolveOffset: (offset) => payload.resolveOffset(String(offset)),
      commit: (next) => this.commit(batch.topic, batch.partition, next),
      pause: () => this.consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]),
      shouldStop: () =>
        this.stopping || this.rebalancing || !payload.isRunning() || payload.isStale(),
      signal: this.abort.signal,
    };
    try {
      const outcome = await this.processor.process(batch, status, controls);
      if (outcome === 'task-failed') this.pauseAssigned();
    } catch (error) {
      // Never throw out of eachBatch: kafkajs would stop every partition and may redeliver
      // batches of others that were in progress. The batch stays unresolved and uncommitted.
      this.logger.error(
        `unexpected error on ${batch.topic}-${batch.partition}: ${describeError(error)}`,
      );
      status.state = 'FAILED';
      status.trace = describeError(error);
      controls.pause();
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async commit(topic: string, partition: number, next: number): Promise<boolean> {
    try {
      await this.consumer.commitOffsets([{ topic, partition, offset: String(next) }]);
      return true;
    } catch (error) {
      // The group moved on (rebalance, member evicted): the new owner starts from the last
      // commit that did land, so these records may be invoked again — never skipped.
      this.logger.warn(`commit of ${topic}-${partition}@${next} failed: ${describeError(error)}`);
      return false;
    }
  }

  /** Marks the task FAILED (configuration error, intolerable conversion error): nothing more is consumed. */
  fail(error: unknown): void {
    this.status.state = 'FAILED';
    this.status.trace = describeError(error);
    this.pauseAssigned();
  }

  private onGroupJoin(assignment: Record<string, number[]>): void {
    this.rebalancing = false;
    this.status.joinedGroup = true;
    if (this.status.state !== 'FAILED') this.status.trace = undefined;
    const assigned = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        assigned.add(partitionKey(topic, partition));
        this.partitionStatus(topic, partition);
      }
    }
    for (const [key, p] of this.status.partitions) {
      if (!assigned.has(key)) this.status.partitions.delete(key);
      else if (p.state === 'FAILED')
        this.consumer.pause([{ topic: p.topic, partitions: [p.partition] }]);
    }
    if (this.stopping || this.status.state === 'PAUSED' || this.status.state === 'FAILED')
      this.pauseAssigned();
    this.logger.log(
      `joined group ${this.options.groupId}; assigned ${[...assigned].join(', ') || 'nothing'}`,
    );
  }

  private partitionStatus(topic: string, partition: number): PartitionStatus {
    const key = partitionKey(topic, partition);
    let p = this.status.partitions.get(key);
    if (!p) {
      p = { topic, partition, state: 'RUNNING' };
      this.status.partitions.set(key, p);
    }
    return p;
  }

  private pauseAssigned(): void {
    const byTopic = new Map<string, number[]>();
    for (const p of this.status.partitions.values()) {
      byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    }
    const list = [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
    if (list.length > 0) this.consumer.pause(list);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.active.add(work);
    return work.finally(() => this.active.delete(work));
  }
}

async function waitAll(work: Promise<unknown>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const all = Promise.allSettled(work).then(() => true);
  const result = await Promise.race([all, timeout]);
  clearTimeout(timer);
  return result;
}
