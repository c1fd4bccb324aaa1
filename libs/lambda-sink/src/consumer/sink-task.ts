import { Logger } from '@nestjs/common';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import { describeError } from '../errors/messages';
import { partitionKey, partitionStatusOf, type TaskStatus } from '../operations/status/sink-status';
import type { PartitionControls } from '../pipeline/partition-controls';
import { BatchHeartbeat } from './batch-heartbeat';
import { FetchWatchdog } from './fetch-watchdog';
import { GroupMotion } from './group-motion';
import { leaveGroup } from './leave-group';
import type {
  BatchSession,
  FetchedBatch,
  GroupConsumerOptions,
  GroupConsumerPort,
  KafkaClientPort,
} from '../kafka';
import { commitPartition } from './commit-partition';
import type { SinkMetrics } from '../operations/metrics/sink-metrics';
import { AssignmentPositions } from './assignment-positions';
import { applyAssignment } from './assignment-status';
import type { PartitionProcessor } from '../pipeline/partition-processor';
import { PartitionPositionsMonitor } from './partition-positions-monitor';
import { PauseControl } from './pause-control';
import { TimedResumes } from './timed-resumes';
import { CrashLog } from './crash-log';
import { topicPattern } from './topic-pattern';
import { waitAll } from './wait-all';

/** The group consumer's settings, less the group id the task brings. */
export type SinkTaskTuning = Omit<GroupConsumerOptions, 'groupId'>;

/**
 * One member of the consumer group — what Kafka Connect calls a task. It consumes fetched
 * batches through the group consumer port, resolving and committing offsets itself, and hands
 * each partition's batch to the partition processor. Partitions are worked on in parallel; one
 * partition's batch is never processed twice at once, because the port fetches it again only
 * after its handler returned.
 */
export class SinkTask {
  private readonly logger: Logger;
  private consumer: GroupConsumerPort;
  private readonly active = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();
  private stopping = false;
  private readonly group = new GroupMotion();
  private restarting = false;
  private readonly positions: PartitionPositionsMonitor;
  private readonly crashLog: CrashLog;
  /** Settles once the current assignment's positions are read (and new partitions sought). */
  private assignmentReady: Promise<void> = Promise.resolve();
  /** Partitions paused while they wait out a retry backoff, with the timer that resumes them. */
  private readonly retryTimers = new TimedResumes(
    (topic, partition) => this.pauses.pause([{ topic, partitions: [partition] }]),
    (topic, partition) => this.pauses.resume([{ topic, partitions: [partition] }]),
    // Stopping, paused by the operator, failed or revoked meanwhile: leave it as it is.
    (key) =>
      !this.stopping &&
      this.status.state === 'RUNNING' &&
      this.status.partitions.get(key)?.state === 'RUNNING',
  );
  private readonly pauses = new PauseControl(() => this.consumer, new Logger('LambdaSink pauses'));
  private readonly watchdog = new FetchWatchdog(
    () => !this.stopping && !this.restarting && this.active.size === 0,
    (silentFor) => {
      this.logger.warn(
        `no fetch for ${Math.round(silentFor / 1000)} s with no batch in progress; replacing the consumer`,
      );
      this.status.joinedGroup = false;
      void this.restartAfterCrash(0);
    },
  );

  constructor(
    readonly id: number,
    private readonly kafka: KafkaClientPort,
    private readonly options: LambdaSinkOptions,
    private readonly processor: PartitionProcessor,
    private readonly status: TaskStatus,
    private readonly tuning: SinkTaskTuning,
    metrics: SinkMetrics,
  ) {
    this.logger = new Logger(`LambdaSink task ${id}`);
    this.crashLog = new CrashLog(this.logger);
    this.positions = new PartitionPositionsMonitor(
      new AssignmentPositions(kafka, options.groupId),
      status,
      metrics,
      options.autoOffsetReset,
      this.logger,
    );
    this.consumer = this.createConsumer();
  }

  /**
   * A consumer that was disconnected is not connected again (a kafkajs one reuses closed broker
   * connections: "write after end"), so every restart — after a crash, to resubscribe — gets a
   * fresh one with the same group id.
   */
  private createConsumer(): GroupConsumerPort {
    const consumer: GroupConsumerPort = this.kafka.groupConsumer(
      { groupId: this.options.groupId, ...this.tuning },
      {
        onGroupJoin: (assignment) => this.onGroupJoin(consumer, assignment),
        onRebalancing: () => {
          if (consumer === this.consumer) this.group.rebalancing();
        },
        onFetch: () => {
          this.watchdog.fetched();
          if (consumer === this.consumer && this.group.fetched())
            this.logger.log('fetching again after a rebalance signal, without a rejoin');
        },
        onCrash: (error, willRestart) => {
          if (consumer === this.consumer) this.onCrash(error, willRestart);
        },
      },
    );
    return consumer;
  }

  async start(): Promise<void> {
    this.status.state = 'RUNNING';
    await this.positions.start(this.subscribedTopics());
    await this.connectAndRun();
    this.watchdog.start();
  }

  private async connectAndRun(): Promise<void> {
    await this.consumer.connect();
    // Always from the earliest offset: `latest` is the positions monitor's seek (see there).
    await this.consumer.subscribe(this.subscribedTopics(), true);
    await this.consumer.run((batch, session) => this.track(this.onBatch(batch, session)));
  }

  private subscribedTopics(): (string | RegExp)[] {
    return this.options.topics ?? [topicPattern(this.options.topicsRegex ?? '')];
  }

  /**
   * A client may restart its consumer after retriable crashes only (kafkajs does); a broker that
   * stays away longer than its retries ends in a crash it does not restart. A sink must not stop for good because
   * Kafka was down for a while (Connect keeps trying too), so the task restarts the consumer
   * itself, backing off, until it runs or the sink stops. Readiness is DOWN meanwhile.
   */
  private onCrash(error: Error, restartedByClient: boolean): void {
    this.status.joinedGroup = false;
    this.status.trace = describeError(error);
    this.crashLog.crashed(error, restartedByClient);
    if (!restartedByClient) void this.restartAfterCrash(1);
  }

  private async restartAfterCrash(attempt: number): Promise<void> {
    if (this.stopping) return;
    this.restarting = true;
    await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
    if (this.stopping) return;
    try {
      const old = this.consumer;
      this.consumer = this.createConsumer();
      await this.leave(old);
      await this.connectAndRun();
      this.watchdog.fetched();
      this.restarting = false;
      this.logger.log('consumer restarted');
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
    this.watchdog.stop();
    this.retryTimers.cancelAll();
    this.pauseAssigned();
    const drained = await waitAll([...this.active], timeoutMs);
    if (!drained) {
      this.logger.warn(
        `in-flight work not finished after ${timeoutMs} ms; abandoning it uncommitted`,
      );
      this.abort.abort(new Error('shutdown timeout'));
      await waitAll([...this.active], 5000);
    }
    await this.leave(this.consumer);
    await this.positions.stop();
    this.status.state = 'UNASSIGNED';
    this.status.joinedGroup = false;
  }

  private leave(consumer: GroupConsumerPort): Promise<void> {
    return leaveGroup(consumer, this.logger);
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
      // One waiting out a retry backoff resumes when its timer says so.
      if (this.retryTimers.has(partitionKey(p.topic, p.partition))) continue;
      if (p.state !== 'UNASSIGNED') this.resumePartition(p.topic, p.partition);
    }
    if (this.status.state === 'PAUSED') this.status.state = 'RUNNING';
  }

  /** Resumes one partition, e.g. after behavior.on.error=fail stopped it: its failed batch is retried. */
  resumePartition(topic: string, partition: number): boolean {
    const p = this.status.partitions.get(partitionKey(topic, partition));
    if (!p) return false;
    this.retryTimers.cancel(partitionKey(topic, partition));
    p.state = 'RUNNING';
    p.trace = undefined;
    p.failedAtOffset = undefined;
    this.pauses.resume([{ topic, partitions: [partition] }]);
    return true;
  }

  private async onBatch(batch: FetchedBatch, session: BatchSession): Promise<void> {
    const consumer = this.consumer;
    // A partition new since start may be sought to its beginning first (see the monitor).
    await this.assignmentReady;
    const status = partitionStatusOf(this.status, batch.topic, batch.partition);
    if (this.stopping || status.state === 'FAILED' || this.status.state === 'FAILED') return;
    const heartbeat = new BatchHeartbeat(session);
    const controls: PartitionControls = {
      partitionName: partitionKey(batch.topic, batch.partition),
      resolveOffset: (offset) => session.resolveOffset(String(offset)),
      // The consumer that fetched this batch commits it, even if a restart replaced it meanwhile.
      commit: (next) => commitPartition(consumer, batch.topic, batch.partition, next),
      pause: () => this.pauses.pause([{ topic: batch.topic, partitions: [batch.partition] }]),
      retryAt: (atMs) => this.retryAt(batch.topic, batch.partition, atMs),
      shouldStop: () =>
        this.stopping || heartbeat.groupMoving || this.group.moving || !session.isCurrent(),
      signal: this.abort.signal,
    };
    try {
      const outcome = await this.processor.process(batch, status, controls);
      if (outcome === 'task-failed') this.pauseAssigned();
    } catch (error) {
      // Never throw out of the handler: kafkajs would stop every partition and may redeliver
      // batches of others that were in progress. The batch stays unresolved and uncommitted.
      this.logger.error(
        `unexpected error on ${batch.topic}-${batch.partition}: ${describeError(error)}`,
      );
      status.state = 'FAILED';
      status.trace = describeError(error);
      controls.pause();
    } finally {
      heartbeat.stop();
    }
  }

  /**
   * Pauses a partition until its retry is due. Waiting inside the batch handler instead would
   * hold back every other partition of this member: kafkajs fetches again only after all the
   * handlers of the last fetch returned.
   */
  private retryAt(topic: string, partition: number, atMs: number): void {
    this.retryTimers.pauseUntil(partitionKey(topic, partition), topic, partition, atMs);
  }

  /**
   * Leaves and rejoins the group with a fresh subscription (new topics matching topics.regex).
   * Work in flight finishes and commits first, as in a rebalance, so nothing is repeated needlessly.
   */
  async resubscribe(): Promise<void> {
    if (this.stopping) return;
    this.group.resubscribing();
    await waitAll([...this.active], this.tuning.rebalanceTimeoutMs);
    await this.leave(this.consumer);
    if (this.stopping) return;
    this.consumer = this.createConsumer();
    await this.connectAndRun();
  }

  /** Marks the task FAILED (configuration error, intolerable conversion error): nothing more is consumed. */
  fail(error: unknown): void {
    this.status.state = 'FAILED';
    this.status.trace = describeError(error);
    this.pauseAssigned();
  }

  private onGroupJoin(consumer: GroupConsumerPort, assignment: Record<string, number[]>): void {
    this.group.joined();
    this.status.joinedGroup = true;
    if (this.status.state !== 'FAILED') this.status.trace = undefined;
    const assigned = applyAssignment(this.status, assignment, {
      revoked: (key) => this.retryTimers.cancel(key),
      retrying: (key) => this.retryTimers.has(key),
      pause: (topic, partition) => this.pauses.pause([{ topic, partitions: [partition] }]),
    });
    if (this.stopping || this.status.state === 'PAUSED' || this.status.state === 'FAILED')
      this.pauseAssigned();
    this.assignmentReady = this.positions.assigned(assignment, consumer);
    this.logger.log(
      `joined group ${this.options.groupId}; assigned ${assigned.join(', ') || 'nothing'}`,
    );
  }

  private pauseAssigned(): void {
    this.pauses.pauseAll(this.status.partitions.values());
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.active.add(work);
    return work.finally(() => this.active.delete(work));
  }
}
