import { Injectable, Logger } from '@nestjs/common';
import { describeError } from '../errors/messages';
import type { SinkStatus } from './status/sink-status';
import { LambdaSinkEngine } from '../engine/lambda-sink-engine';
import { parseOffsetsChange, toConnectOffsets, type ConnectOffsets } from './connector-offsets';
import * as m from './operations.messages';

/** What `POST /connectors/{name}/restart` will restart. */
export interface RestartPlan {
  connector: boolean;
  tasks: boolean;
}

/** Why an operation was refused, for the HTTP layer to turn into a status code. */
export class OperationRefused extends Error {
  constructor(
    readonly code: 'NOT_STOPPED' | 'NOT_ASSIGNED' | 'STOPPED' | 'INVALID' | 'KAFKA_REFUSED',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The state changes an operator makes (Connect's pause, resume, stop, restart, KIP-875 offsets),
 * one at a time: a stop arriving while a restart is half done would otherwise leave the sink
 * between the two. The engine does the work; this decides what each request means for a sink
 * whose connector and tasks all live in this process.
 */
@Injectable()
export class ConnectorOperations {
  private readonly logger = new Logger('LambdaSinkOperations');
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly engine: LambdaSinkEngine) {}

  get status(): SinkStatus {
    return this.engine.status;
  }

  /** True after `PUT /stop` until a resume or restart starts the sink again. */
  get isStopped(): boolean {
    return this.stopped;
  }

  pause(): Promise<void> {
    return this.serial(async () => {
      // Connect starts a STOPPED connector's tasks paused; so does this.
      if (this.stopped) await this.startAgain();
      this.engine.pause();
    });
  }

  resume(): Promise<void> {
    return this.serial(async () => {
      this.status.pausedByUser = false;
      if (this.stopped) await this.startAgain();
      else this.engine.resume();
    });
  }

  resumePartition(topic: string, partition: number): Promise<void> {
    return this.serial(async () => {
      if (!this.engine.resumePartition(topic, partition)) {
        throw new OperationRefused('NOT_ASSIGNED', m.partitionNotAssigned(topic, partition));
      }
    });
  }

  /** Leaves the group and stays out of it (Connect's STOPPED), so offsets may be changed. */
  stop(): Promise<void> {
    return this.serial(async () => {
      await this.engine.stop();
      this.stopped = true;
      this.status.clearTasks();
      this.status.connectorState = 'STOPPED';
      this.status.connectorTrace = undefined;
    });
  }

  /**
   * What a restart request covers. Connector and tasks share one engine here, so restarting any
   * task restarts them all; a task counts as failed when it or one of its partitions is FAILED.
   * The connector alone has no work of its own to restart unless it failed or is stopped.
   */
  restartPlan(includeTasks: boolean, onlyFailed: boolean): RestartPlan {
    const connectorFailed = this.status.connectorState === 'FAILED';
    const tasksFailed =
      this.status.failedTasks().length > 0 || this.status.failedPartitions().length > 0;
    return {
      connector: !onlyFailed || connectorFailed,
      tasks: includeTasks && (!onlyFailed || tasksFailed || connectorFailed),
    };
  }

  /** Runs a restart in the background (Connect answers before it is done); failures show in status. */
  restart(plan: RestartPlan): void {
    const needed = plan.tasks || this.stopped || !this.engine.running;
    if (!plan.connector && !plan.tasks) return;
    if (!needed) return;
    this.status.connectorState = 'RESTARTING';
    for (const task of this.status.tasks) task.state = 'RESTARTING';
    void this.serial(async () => {
      await this.engine.stop();
      await this.startAgain();
    }).catch(() => undefined);
  }

  async offsets(): Promise<ConnectOffsets> {
    return toConnectOffsets(await this.engine.committedOffsets());
  }

  alterOffsets(body: unknown): Promise<void> {
    return this.serial(async () => {
      this.requireStopped();
      let changes;
      try {
        changes = parseOffsetsChange(body);
      } catch (error) {
        throw new OperationRefused('INVALID', describeError(error));
      }
      await this.kafkaChange(() => this.engine.alterCommittedOffsets(changes));
      this.logger.log(
        `offsets altered: ${changes.map((c) => `${c.topic}-${c.partition}→${c.offset ?? 'reset'}`).join(', ')}`,
      );
    });
  }

  resetOffsets(name: string): Promise<void> {
    return this.serial(async () => {
      this.requireStopped(name);
      await this.kafkaChange(() => this.engine.deleteCommittedOffsets());
      this.logger.log(`offsets reset: consumer group deleted`);
    });
  }

  private requireStopped(name = this.engine.options.name): void {
    if (!this.stopped) throw new OperationRefused('NOT_STOPPED', m.mustBeStopped(name));
  }

  private async kafkaChange(change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      throw new OperationRefused('KAFKA_REFUSED', m.offsetsRejectedByKafka(describeError(error)));
    }
  }

  /** Starts from the group's committed offsets with fresh task status; keeps a user's pause. */
  private async startAgain(): Promise<void> {
    this.status.clearTasks();
    this.status.connectorTrace = undefined;
    try {
      await this.engine.start();
      this.stopped = false;
      if (this.status.pausedByUser) this.engine.pause();
    } catch (error) {
      await this.engine.stop().catch(() => undefined);
      this.status.connectorState = 'FAILED';
      this.status.connectorTrace = m.restartFailed(describeError(error));
      this.logger.error(this.status.connectorTrace);
      throw error;
    }
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
