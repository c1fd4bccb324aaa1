import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { LambdaSinkEngine } from '../transport/lambda-sink-engine';
import { sinkReadiness } from './readiness';

/**
 * Readiness of the sink (the rules are in `sinkReadiness`). The body names failed tasks and
 * partitions with their last error, and partitions retrying a transient Lambda error, so
 * `kubectl describe` already tells an operator which partition stopped or waits, and why.
 */
@Injectable()
export class SinkHealthIndicator {
  constructor(
    private readonly engine: LambdaSinkEngine,
    private readonly health: HealthIndicatorService,
  ) {}

  isReady(key = 'lambda-sink') {
    const indicator = this.health.check(key);
    const { status, options } = this.engine;
    const partitions = status.tasks.flatMap((t) => [...t.partitions.values()]);
    const { ready, reasons } = sinkReadiness(
      status,
      this.engine.running,
      options.readinessFailedPartitions,
    );
    const details = {
      state: status.connectorState,
      joinedGroup: status.tasks.length > 0 && status.tasks.every((t) => t.joinedGroup),
      reasons,
      failedTasks: status.failedTasks().map((t) => ({ task: t.id, error: t.trace })),
      failedPartitions: status.failedPartitions().map((p) => ({
        topic: p.topic,
        partition: p.partition,
        offset: p.failedAtOffset,
        error: p.trace,
      })),
      readinessFailedPartitions: options.readinessFailedPartitions,
      retryingPartitions: partitions
        .filter((p) => p.retry !== undefined)
        .map((p) => ({
          topic: p.topic,
          partition: p.partition,
          offset: p.retry?.offset,
          attempts: p.retry?.attempts,
          error: p.retry?.reason,
        })),
    };
    return ready ? indicator.up(details) : indicator.down(details);
  }
}
