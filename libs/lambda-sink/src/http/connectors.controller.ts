import {
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseIntPipe,
  Put,
} from '@nestjs/common';
import { hostname } from 'node:os';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import { LAMBDA_SINK_OPTIONS } from '../lambda-sink.constants';
import { connectorStatusBody } from '../status/connect-status';
import { LambdaSinkEngine } from '../transport/lambda-sink-engine';

/**
 * The subset of Kafka Connect's REST API that makes sense for one connector per process.
 * Configuration is read-only here (it comes from the file or the environment); secrets are masked.
 */
@Controller('connectors')
export class ConnectorsController {
  private readonly workerId: string;

  constructor(
    private readonly engine: LambdaSinkEngine,
    @Inject(LAMBDA_SINK_OPTIONS) private readonly options: LambdaSinkOptions,
  ) {
    this.workerId = `${hostname()}:${new URL(options.listeners.split(',')[0]).port || '8083'}`;
  }

  @Get()
  list(): string[] {
    return [this.options.name];
  }

  @Get(':name')
  info(@Param('name') name: string) {
    this.check(name);
    return {
      name,
      config: this.options.maskedProperties,
      tasks: this.engine.status.tasks.map((t) => ({ connector: name, task: t.id })),
      type: 'sink',
    };
  }

  @Get(':name/status')
  status(@Param('name') name: string) {
    this.check(name);
    return connectorStatusBody(name, this.engine.status, this.workerId);
  }

  @Get(':name/config')
  config(@Param('name') name: string) {
    this.check(name);
    return this.options.maskedProperties;
  }

  @Put(':name/pause')
  @HttpCode(202)
  pause(@Param('name') name: string): void {
    this.check(name);
    this.engine.pause();
  }

  @Put(':name/resume')
  @HttpCode(202)
  resume(@Param('name') name: string): void {
    this.check(name);
    this.engine.resume();
  }

  /** Retries a partition stopped by behavior.on.error=fail, from its failed batch. */
  @Put(':name/partitions/:topic/:partition/resume')
  @HttpCode(202)
  resumePartition(
    @Param('name') name: string,
    @Param('topic') topic: string,
    @Param('partition', ParseIntPipe) partition: number,
  ): void {
    this.check(name);
    if (!this.engine.resumePartition(topic, partition)) {
      throw new NotFoundException(
        `partition ${topic}-${partition} is not assigned to this instance`,
      );
    }
  }

  private check(name: string): void {
    if (name !== this.options.name) throw new NotFoundException(`Connector ${name} not found`);
  }
}
