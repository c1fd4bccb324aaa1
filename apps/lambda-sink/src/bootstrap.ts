import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import {
  LAMBDA_SINK_OPTIONS,
  LambdaSinkServer,
  type LambdaSinkOptions,
} from '../../../libs/lambda-sink/src';
import { AppModule } from './app.module';
import { listenAddress } from './listen-address';

export interface ServiceOptions {
  /** Overrides the port of `listeners` (tests pass 0 for a free one). */
  port?: number;
  /** JSON logs through pino (default: when stdout is not a TTY). */
  jsonLogs?: boolean;
  /** Lines about where the settings came from, logged once the logger is up. */
  startupNotes?: { info: string[]; warnings: string[] };
}

/**
 * The standalone service: a Nest HTTP application (health, Connect-style status, metrics on
 * `listeners`) with the sink connected as its microservice transport. HTTP listens first so
 * liveness answers while the sink validates the function and joins the group.
 */
export async function bootstrapService(
  properties: Record<string, string>,
  options: ServiceOptions = {},
): Promise<INestApplication> {
  const jsonLogs = options.jsonLogs ?? !process.stdout.isTTY;
  const app = await NestFactory.create(AppModule.register(properties), { bufferLogs: jsonLogs });
  if (jsonLogs) app.useLogger(app.get(Logger));
  const sinkOptions = app.get<LambdaSinkOptions>(LAMBDA_SINK_OPTIONS);
  const logger = new NestLogger('LambdaSink');
  for (const line of options.startupNotes?.info ?? []) logger.log(line);
  for (const line of options.startupNotes?.warnings ?? []) logger.warn(line);

  const { host, port } = listenAddress(sinkOptions.listeners);
  await app.listen(options.port ?? port, host);
  logger.log(`HTTP (health, status, metrics) on ${await app.getUrl()}`);
  app.connectMicroservice({ strategy: app.get(LambdaSinkServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  return app;
}
