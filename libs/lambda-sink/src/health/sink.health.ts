import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BackgroundStarter } from '../startup/background-starter';
import { LambdaSinkEngine } from '../transport/lambda-sink-engine';

/**
 * Readiness of the sink: running, every task joined to the consumer group, nothing FAILED.
 * The body names failed tasks and partitions with their last error, so `kubectl describe`
 * already tells an operator which partition stopped and why. While a background start
 * (`autoStart: 'background'`) is still trying, the body says so with the last attempt's error.
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
    const { status } = this.engine;
    const failedTasks = status.failedTasks().map((t) => ({ task: t.id, error: t.trace }));
    const failedPartitions = status.failedPartitions().map((p) => ({
      topic: p.topic,
      partition: p.partition,
      offset: p.failedAtOffset,
      error: p.trace,
    }));
    const joined = status.tasks.length > 0 && status.tasks.every((t) => t.joinedGroup);
    const details = {
      state: status.connectorState,
      joinedGroup: joined,
      lambdaReachable: this.engine.lambdaReachable,
      failedTasks,
      failedPartitions,
      ...(this.starter.state.starting && {
        starting: {
          attempts: this.starter.state.attempts,
          lastError: this.starter.state.lastError,
        },
      }),
    };
    const ready =
      this.engine.running &&
      joined &&
      this.engine.lambdaReachable &&
      failedTasks.length === 0 &&
      failedPartitions.length === 0;
    return ready ? indicator.up(details) : indicator.down(details);
  }
}
