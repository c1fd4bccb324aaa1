import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BackgroundStarter } from '../../engine/background-starter';
import { LambdaSinkEngine } from '../../engine/lambda-sink-engine';
import { sinkReadiness } from './readiness';

/**
 * Readiness of the sink (the rules are in `sinkReadiness`). The body names failed tasks and
 * partitions with their last error, and partitions retrying a transient Lambda error, so
 * `kubectl describe` already tells an operator which partition stopped or waits, and why.
 * While a background start (`autoStart: 'background'`) is still trying, the body says so
 * with the last attempt's error.
 */
@Injectable()
export class SinkHealthIndicator {
  constructor(
    private readonly engine: LambdaSinkEngine,
    private readonly health: HealthIndicatorService,
    private readonly starter: BackgroundStarter,
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
      ...(this.starter.state.starting && {
        starting: {
          attempts: this.starter.state.attempts,
          lastError: this.starter.state.lastError,
        },
      }),
    };
    return ready ? indicator.up(details) : indicator.down(details);
  }
}
