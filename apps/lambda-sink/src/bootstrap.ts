import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Logger } from 'nestjs-pino';
import {
  answerBodyParserErrors,
  httpsServerOptions,
  LAMBDA_SINK_OPTIONS,
  LambdaSinkServer,
  optionsFromConnectProperties,
  reloadHttpsOnChange,
  REST_LIMITS,
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
  // TLS material is needed before the server exists, so the listener's options are read here.
  const httpsOptions = httpsServerOptions(optionsFromConnectProperties(properties));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(properties), {
    bufferLogs: jsonLogs,
    httpsOptions,
    bodyParser: false,
  });
  if (jsonLogs) app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: REST_LIMITS.bodyBytes });
  app.use(answerBodyParserErrors);
  const sinkOptions = app.get<LambdaSinkOptions>(LAMBDA_SINK_OPTIONS);
  const logger = new NestLogger('LambdaSink');
  for (const line of options.startupNotes?.info ?? []) logger.log(line);
  for (const line of options.startupNotes?.warnings ?? []) logger.warn(line);

  const server = app.getHttpServer() as Server;
  server.maxHeadersCount = REST_LIMITS.maxHeadersCount;
  server.headersTimeout = REST_LIMITS.headersTimeoutMs;
  server.requestTimeout = REST_LIMITS.requestTimeoutMs;
  if (httpsOptions) {
    const stop = reloadHttpsOnChange(server as HttpsServer, sinkOptions, (error) =>
      logger.warn(`HTTPS certificate reload failed; serving the previous one: ${String(error)}`),
    );
    server.on('close', stop);
  }

  const { host, port } = listenAddress(sinkOptions.listeners);
  await app.listen(options.port ?? port, host);
  logger.log(`HTTP (health, status, metrics) on ${await app.getUrl()}`);
  app.connectMicroservice({ strategy: app.get(LambdaSinkServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  return app;
}
