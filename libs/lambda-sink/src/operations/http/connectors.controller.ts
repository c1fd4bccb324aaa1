import {
  Controller,
  Get,
  HttpCode,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import type { LambdaSinkOptions } from '../../config/lambda-sink-options';
import { FunctionRouter } from '../../invocation/function-router';
import { LAMBDA_SINK_OPTIONS } from '../../lambda-sink.constants';
import { ConnectorOperations } from '../connector-operations';
import { connectorStatusBody } from '../status/connect-status';
import { ChangesState } from './access/rest-access.guard';
import { answeringRefusals } from './operation-refusal';

/**
 * The subset of Kafka Connect's REST API that makes sense for one connector per process.
 * Configuration is read-only here (it comes from the file or the environment); secrets are masked.
 * Everything that changes state needs credentials (or loopback, without `rest.auth.*`).
 */
@Controller('connectors')
export class ConnectorsController {
  private readonly workerId: string;
  private readonly functions: FunctionRouter;

  constructor(
    private readonly operations: ConnectorOperations,
    @Inject(LAMBDA_SINK_OPTIONS) private readonly options: LambdaSinkOptions,
  ) {
    this.functions = FunctionRouter.fromOptions(options.lambda);
    this.workerId = `${hostname()}:${new URL(options.listeners.split(',')[0]).port || '8083'}`;
  }

  /** `GET /connectors`, or with `?expand=status&expand=info` Connect's map of name → details. */
  @Get()
  list(@Query('expand') expand?: string | string[]) {
    const wanted = new Set([expand ?? []].flat());
    if (!wanted.has('status') && !wanted.has('info')) return [this.options.name];
    return {
      [this.options.name]: {
        ...(wanted.has('status') ? { status: this.status(this.options.name) } : {}),
        ...(wanted.has('info') ? { info: this.info(this.options.name) } : {}),
      },
    };
  }

  @Get(':name')
  info(@Param('name') name: string) {
    this.check(name);
    return {
      name,
      config: this.options.maskedProperties,
      tasks: this.operations.status.tasks.map((t) => ({ connector: name, task: t.id })),
      type: 'sink',
    };
  }

  @Get(':name/status')
  status(@Param('name') name: string) {
    this.check(name);
    return connectorStatusBody(name, this.operations.status, this.workerId, this.functions);
  }

  @Get(':name/config')
  config(@Param('name') name: string) {
    this.check(name);
    return this.options.maskedProperties;
  }

  @Put(':name/pause')
  @HttpCode(202)
  @ChangesState()
  async pause(@Param('name') name: string): Promise<void> {
    this.check(name);
    await answeringRefusals(this.operations.pause());
  }

  @Put(':name/resume')
  @HttpCode(202)
  @ChangesState()
  async resume(@Param('name') name: string): Promise<void> {
    this.check(name);
    await answeringRefusals(this.operations.resume());
  }

  /** Connect's STOPPED: the sink leaves the group and stays out until resumed or restarted. */
  @Put(':name/stop')
  @HttpCode(202)
  @ChangesState()
  async stop(@Param('name') name: string): Promise<void> {
    this.check(name);
    await answeringRefusals(this.operations.stop());
  }

  /**
   * Connect's restart: 204 for the plain form (the connector only), 202 with the status showing
   * what is RESTARTING when `includeTasks` or `onlyFailed` is given.
   */
  @Post(':name/restart')
  @ChangesState()
  restart(
    @Param('name') name: string,
    @Query('includeTasks') includeTasks: string | undefined,
    @Query('onlyFailed') onlyFailed: string | undefined,
    @Res() response: ServerResponse,
  ): void {
    this.check(name);
    const withTasks = queryFlag('includeTasks', includeTasks);
    const failedOnly = queryFlag('onlyFailed', onlyFailed);
    const plan = this.operations.restartPlan(withTasks, failedOnly);
    this.operations.restart(plan);
    // Answered here: the status code depends on the query, which @HttpCode cannot express.
    if (!withTasks && !failedOnly) {
      response.writeHead(204).end();
      return;
    }
    response
      .writeHead(202, { 'Content-Type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(this.status(name)));
  }

  /** Retries a partition stopped by behavior.on.error=fail, from its failed batch. */
  @Put(':name/partitions/:topic/:partition/resume')
  @HttpCode(202)
  @ChangesState()
  async resumePartition(
    @Param('name') name: string,
    @Param('topic') topic: string,
    @Param('partition', ParseIntPipe) partition: number,
  ): Promise<void> {
    this.check(name);
    await answeringRefusals(this.operations.resumePartition(topic, partition));
  }

  private check(name: string): void {
    if (name !== this.options.name) throw new NotFoundException(`Connector ${name} not found`);
  }
}

/** Connect's boolean query parameters: absent is false, and only true/false are accepted. */
function queryFlag(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new HttpException({ error_code: 400, message: `${name} must be true or false` }, 400);
}
