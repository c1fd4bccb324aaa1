import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { LambdaSinkOptions } from '../../config/lambda-sink-options';
import { RestAccessPolicy } from '../http/access/rest-access-policy';
import { LAMBDA_SINK_OPTIONS } from '../../lambda-sink.constants';
import { SinkMetrics } from '../metrics/sink-metrics';
import { partitionKey } from '../status/sink-status';
import { LambdaSinkEngine } from '../../engine/lambda-sink-engine';
import { PartitionActivity, type ActivityCounts } from './partition-activity';

// Two seconds: smooth enough for a sparkline, and 30 points for the minute the page shows.
const SAMPLE_INTERVAL_MS = 2000;
const CONNECTOR = '(connector)';

/**
 * What the status page shows, in one JSON document: the Connect status plus per-partition rates,
 * in-flight invocations, the last errors with their times, and the configuration (masked).
 * Everything here is data; the page writes it into the document as text, never as markup.
 */
@Injectable()
export class StatusPageState implements OnModuleInit, OnApplicationShutdown {
  private readonly activity = new PartitionActivity();
  private readonly invocations = new Map<string, ActivityCounts>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly engine: LambdaSinkEngine,
    private readonly metrics: SinkMetrics,
    private readonly access: RestAccessPolicy,
    @Inject(LAMBDA_SINK_OPTIONS) private readonly options: LambdaSinkOptions,
  ) {}

  onModuleInit(): void {
    this.engine.onInvocation = (topic, partition) => {
      const key = partitionKey(topic, partition);
      const counts = this.invocations.get(key) ?? { topic, partition, records: 0, invocations: 0 };
      counts.invocations++;
      this.invocations.set(key, counts);
    };
    void this.sample();
    this.timer = setInterval(() => void this.sample(), SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async snapshot() {
    const status = this.engine.status;
    // Errors seen since the last sample are shown now, not up to an interval later.
    this.observeErrors(Date.now());
    const inFlight = (await this.metrics.inFlight.get()).values[0]?.value ?? 0;
    const connectorError = this.activity.lastError(CONNECTOR);
    return {
      name: this.options.name,
      now: Date.now(),
      sampleIntervalMs: SAMPLE_INTERVAL_MS,
      connector: {
        state: status.connectorState,
        pausedByUser: status.pausedByUser,
        lastError: connectorError ?? null,
      },
      tasks: status.tasks.map((t) => ({ id: t.id, state: t.state, trace: t.trace ?? null })),
      partitions: status.tasks.flatMap((task) =>
        [...task.partitions.values()]
          .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
          .map((p) => ({
            task: task.id,
            topic: p.topic,
            partition: p.partition,
            state: p.state,
            committedOffset: p.committedOffset ?? null,
            lag:
              p.highWatermark !== undefined && p.committedOffset !== undefined
                ? Math.max(0, p.highWatermark - p.committedOffset)
                : null,
            failedAtOffset: p.failedAtOffset ?? null,
            retrying: p.retry ? { attempts: p.retry.attempts, reason: p.retry.reason } : null,
            lastError: this.activity.lastError(partitionKey(p.topic, p.partition)) ?? null,
            ...this.activity.rates(p.topic, p.partition),
          })),
      ),
      inFlight,
      authentication: this.access.authenticationConfigured,
      config: this.options.maskedProperties,
    };
  }

  private async sample(): Promise<void> {
    const now = Date.now();
    const records = await this.metrics.recordsConsumed.get();
    const counts = new Map<string, ActivityCounts>();
    for (const { labels, value } of records.values) {
      const topic = String(labels.topic);
      const partition = Number(labels.partition);
      counts.set(partitionKey(topic, partition), {
        topic,
        partition,
        records: value,
        invocations: 0,
      });
    }
    for (const [key, c] of this.invocations) {
      const entry = counts.get(key) ?? { ...c, records: 0 };
      entry.invocations = c.invocations;
      counts.set(key, entry);
    }
    this.activity.sample(now, [...counts.values()]);
    this.observeErrors(now);
  }

  private observeErrors(now: number): void {
    const status = this.engine.status;
    this.activity.observeError(CONNECTOR, status.connectorTrace, now);
    for (const task of status.tasks) {
      this.activity.observeError(CONNECTOR, task.trace, now);
      for (const p of task.partitions.values()) {
        this.activity.observeError(
          partitionKey(p.topic, p.partition),
          p.trace ?? p.retry?.reason,
          now,
        );
      }
    }
  }
}
