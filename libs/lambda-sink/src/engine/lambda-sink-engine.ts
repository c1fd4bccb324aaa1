import { Logger } from '@nestjs/common';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { buildKafkaConfig } from '../config/kafka-client-config';
import type { KafkaConnectionOptions, LambdaSinkOptions } from '../config/lambda-sink-options';
import { createConverter } from '../conversion/converter-factory';
import { StartupValidationError } from '../errors/lambda-errors';
import { describeError, messages } from '../errors/messages';
import type { KafkaClientPort, KafkaConnectionSettings } from '../kafka';
import { GroupOffsets, type GroupOffset, type GroupOffsetChange } from './group-offsets';

export type { GroupOffset, GroupOffsetChange } from './group-offsets';
import { KafkajsClient } from '../kafka/kafkajs';
import { FunctionRouter } from '../invocation/function-router';
import { AdaptiveConcurrency } from '../invocation/adaptive-concurrency';
import { FixedConcurrency } from '../invocation/concurrency-policy';
import { InFlightLimiter } from '../invocation/in-flight-limiter';
import { LambdaInvokerService } from '../invocation/lambda-invoker.service';
import type { SinkMetrics } from '../operations/metrics/sink-metrics';
import { ReporterService } from '../reporting/reporter.service';
import { SinkStatus } from '../operations/status/sink-status';
import { PartitionProcessor } from '../pipeline/partition-processor';
import { RecordSerializer } from '../pipeline/record-serializer';
import { BatchingService } from '../batching/batching.service';
import { recordFilterOf } from '../filtering/record-filter';
import { createTransformSteps } from '../conversion/transforms/transform-chain';
import { SinkTask, type SinkTaskTuning } from '../consumer/sink-task';
import { topicPattern } from '../consumer/topic-pattern';
import { TopicPatternWatcher } from '../consumer/topic-pattern-watcher';

export interface LambdaSinkEngineDeps {
  /** Injected in tests; built from the options otherwise (unused when `invoker` is given). */
  lambdaClient?: LambdaClient;
  /** The Kafka client library behind the ports; kafkajs unless another adapter is given. */
  kafkaClient?: (settings: KafkaConnectionSettings) => KafkaClientPort;
  /** The Nest providers of the module; built from the options when the engine is used alone. */
  invoker?: LambdaInvokerService;
  reporter?: ReporterService;
  batching?: BatchingService;
}

/**
 * The running sink: validates the function, prepares the reporter topics, and runs
 * `tasks.max` consumer-group members (tasks) in this process. Start, stop, pause and resume
 * are all here; the Nest module, the transport strategy and the HTTP API only call these.
 */
export class LambdaSinkEngine {
  readonly status = new SinkStatus();
  /** Which function each topic invokes (`aws.lambda.function.name` or the topic's map entry). */
  readonly functions: FunctionRouter;
  private readonly logger = new Logger('LambdaSink');
  private readonly invoker: LambdaInvokerService;
  private readonly reporter: ReporterService;
  private readonly batching: BatchingService;
  private readonly tasks: SinkTask[] = [];
  private readonly kafka: KafkaClientPort;
  private readonly groupOffsets: GroupOffsets;
  private started = false;
  private watcher?: TopicPatternWatcher;
  /** False while the last Lambda attempt failed to get an answer (network, 5xx, throttling, denied). */
  lambdaReachable = true;

  constructor(
    readonly options: LambdaSinkOptions,
    readonly metrics: SinkMetrics,
    deps: LambdaSinkEngineDeps = {},
  ) {
    const kafkaClient = deps.kafkaClient ?? ((settings) => new KafkajsClient(settings));
    this.kafka = kafkaClient(buildKafkaConfig(options.kafka));
    this.groupOffsets = new GroupOffsets(this.kafka, options);
    this.invoker = deps.invoker ?? new LambdaInvokerService(options, deps.lambdaClient);
    this.reporter = deps.reporter ?? new ReporterService(options, metrics, kafkaClient);
    this.batching = deps.batching ?? new BatchingService(options);
    this.functions = FunctionRouter.fromOptions(options.lambda);
  }

  async start(): Promise<void> {
    if (this.started) return;
    const { options } = this;
    this.logger.log(
      `starting "${options.name}": ${this.functions.describe()} (${options.lambda.invocationType}), ` +
        `topics ${options.topics?.join(',') ?? `/${options.topicsRegex}/`}, group ${options.groupId}, ${options.tasksMax} task(s)`,
    );
    // Logged here, not by the app, so the module and the transport strategy show them too.
    for (const warning of options.warnings) this.logger.warn(warning);
    await this.invoker.validate();
    await this.naming('consumer', this.options.kafka, () => this.checkTopicsExist());
    await this.naming('reporter', this.options.reporter.connection, () => this.reporter.prepare());

    const invoker = this.invoker;
    invoker.open(
      {
        onAttempt: (target, outcome, ms) => {
          this.onInvocation?.(target.topic, target.partition);
          this.lambdaReachable = outcome !== 'transient' && outcome !== 'configuration';
          const fn = this.functions.functionFor(target.topic);
          this.metrics.invocations.inc({ outcome, function: fn });
          this.metrics.invocationLatency.observe({ function: fn }, ms / 1000);
        },
        onRetry: (target) =>
          this.metrics.retries.inc({ function: this.functions.functionFor(target.topic) }),
      },
      this.inFlightLimiter(),
    );
    const serializer = new RecordSerializer(
      createConverter(options.keyConverter),
      createConverter(options.valueConverter),
      {
        transforms: createTransformSteps(options.transforms ?? []),
        encoder: this.batching.encoder,
        filter: recordFilterOf(options.lambda.filterCriteria),
        onFiltered: (record) =>
          this.metrics.recordsFiltered.inc({
            topic: record.topic,
            partition: String(record.partition),
          }),
      },
    );
    const retrier = this.reporter.retrier;
    for (let id = 0; id < options.tasksMax; id++) {
      const status = this.status.task(id);
      const holder: { task?: SinkTask } = {};
      const processor = new PartitionProcessor({
        options,
        serializer,
        batching: this.batching,
        invoker,
        functions: this.functions,
        reporter: retrier,
        metrics: this.metrics,
        // The one place every task failure passes (intolerable conversion error, configuration
        // error), so it is logged once here rather than by each cause.
        onTaskFailure: (error) => {
          this.logger.error(messages.taskFailed(id, describeError(error)));
          holder.task?.fail(error);
        },
      });
      holder.task = new SinkTask(
        id,
        this.kafka,
        options,
        processor,
        status,
        this.tuning(),
        this.metrics,
      );
      this.tasks.push(holder.task);
    }
    this.started = true;
    await this.naming('consumer', options.kafka, () =>
      Promise.all(this.tasks.map((t) => t.start())),
    );
    if (options.topicsRegex) {
      this.watcher = new TopicPatternWatcher(
        this.kafka,
        topicPattern(options.topicsRegex),
        options.consumer.metadataMaxAgeMs,
        async () => {
          await Promise.all(this.tasks.map((t) => t.resubscribe()));
        },
      );
      await this.watcher.start();
    }
    this.status.connectorState = 'RUNNING';
    this.logger.log(`"${options.name}" running`);
  }

  /**
   * `aws.lambda.max.in.flight`, shared by every partition and task of the process; adaptive
   * (lowered on throttling) unless `aws.lambda.concurrency.adaptive=false`.
   */
  private inFlightLimiter(): InFlightLimiter {
    const { maxInFlight, concurrencyAdaptive } = this.options.lambda;
    const policy = concurrencyAdaptive
      ? new AdaptiveConcurrency(maxInFlight)
      : new FixedConcurrency(maxInFlight);
    const limiter = new InFlightLimiter(policy, (inFlight, limit) => {
      this.metrics.inFlight.set(inFlight);
      this.metrics.inFlightLimit.set(Number.isFinite(limit) ? limit : 0);
    });
    this.status.concurrency = limiter;
    return limiter;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.watcher?.stop();
    this.logger.log(
      `stopping "${this.options.name}" (up to ${this.options.shutdownTimeoutMs} ms for in-flight work)`,
    );
    await Promise.all(this.tasks.map((t) => t.stop(this.options.shutdownTimeoutMs)));
    this.tasks.length = 0;
    await this.invoker.close();
    await this.reporter
      .disconnect()
      .catch((e) => this.logger.warn(`reporter disconnect: ${describeError(e)}`));
    this.status.connectorState = 'UNASSIGNED';
    this.logger.log(`"${this.options.name}" stopped`);
  }

  pause(): void {
    this.status.pausedByUser = true;
    this.status.connectorState = 'PAUSED';
    this.tasks.forEach((t) => t.pauseAll());
  }

  resume(): void {
    this.status.pausedByUser = false;
    this.status.connectorState = 'RUNNING';
    this.tasks.forEach((t) => t.resumeAll());
  }

  resumePartition(topic: string, partition: number): boolean {
    return this.tasks.some((t) => t.resumePartition(topic, partition));
  }

  get running(): boolean {
    return this.started;
  }

  /** Counts one Lambda invocation attempt of a partition (the status page's invocations/s). */
  onInvocation?: (topic: string, partition: number) => void;

  /** The group's committed offsets, as KIP-875 `GET /offsets` shows them. */
  committedOffsets(): Promise<GroupOffset[]> {
    return this.groupOffsets.committed();
  }

  /** KIP-875 `PATCH /offsets`: only with the sink stopped (Kafka refuses it while members run). */
  alterCommittedOffsets(changes: GroupOffsetChange[]): Promise<void> {
    return this.groupOffsets.alter(changes);
  }

  /** KIP-875 `DELETE /offsets`: the group, and with it every committed offset. */
  deleteCommittedOffsets(): Promise<void> {
    return this.groupOffsets.delete();
  }

  /**
   * The consumer and the reporter may talk to different clusters with different security; a
   * kafkajs error alone ("SASL PLAIN authentication failed") does not say which. Startup errors
   * from Kafka are prefixed with the client, its servers and protocol (never its credentials).
   */
  private async naming<T>(
    client: 'consumer' | 'reporter',
    connection: KafkaConnectionOptions,
    step: () => Promise<T>,
  ): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof StartupValidationError) throw error;
      throw new StartupValidationError(
        messages.kafkaClientFailed(
          client,
          connection.bootstrapServers.join(','),
          connection.securityProtocol,
          describeError(error),
        ),
        {},
        { cause: error },
      );
    }
  }

  /**
   * The consumer cannot subscribe to a topic that does not exist (it fails with "This server does not
   * host this topic-partition"); say which topics are missing instead. The sink never creates
   * its input topics. `topics.regex` needs no check: it picks topics up as they appear.
   */
  private async checkTopicsExist(): Promise<void> {
    if (!this.options.topics) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = this.options.topics.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        throw new StartupValidationError(
          messages.topicsMissing(missing, this.options.kafka.bootstrapServers.join(',')),
          {
            topic: missing.join(','),
          },
        );
      }
    } finally {
      await admin.disconnect();
    }
  }

  private tuning(): SinkTaskTuning {
    const { consumer } = this.options;
    return {
      sessionTimeoutMs: consumer.sessionTimeoutMs,
      rebalanceTimeoutMs: consumer.maxPollIntervalMs,
      heartbeatIntervalMs: consumer.heartbeatIntervalMs,
      maxBytesPerPartition: consumer.maxPartitionFetchBytes,
      maxBytes: consumer.fetchMaxBytes,
      metadataMaxAgeMs: consumer.metadataMaxAgeMs,
      // This many partition handlers at once: more than any one member is assigned.
      partitionsConsumedConcurrently: 64,
    };
  }
}
