#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import {
  ConfigValidationError,
  LAMBDA_SINK_OPTIONS,
  LambdaSinkServer,
  loadConnectProperties,
  loadLambdaSinkOptions,
  type LambdaSinkOptions,
} from '../../../libs/lambda-sink/src';
import { AppModule } from './app.module';
import { listenAddress } from './listen-address';

/**
 * `npm start -- --config FILE`: the sink as a standalone Nest service. Configuration errors
 * are printed all at once and exit 2 before anything connects; SIGTERM/SIGINT drain the sink
 * (commit what succeeded, leave the group) and exit 0.
 */
async function main(): Promise<void> {
  const program = new Command('lambda-sink')
    .description('Kafka to AWS Lambda sink (drop-in for the Confluent AWS Lambda Sink Connector)')
    .option(
      '-c, --config <file>',
      'Connect-style .properties or REST JSON file (or LAMBDA_SINK_CONFIG)',
    )
    .parse();
  const file: string | undefined = program.opts().config ?? process.env.LAMBDA_SINK_CONFIG;

  let properties: Record<string, string>;
  try {
    properties = loadConnectProperties({ file, env: process.env });
    // Validated here too, so problems name environment variables as written and nothing starts.
    loadLambdaSinkOptions({ file, env: process.env });
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const app = await NestFactory.create(AppModule.register(properties), {
    bufferLogs: !process.stdout.isTTY,
  });
  if (!process.stdout.isTTY) app.useLogger(app.get(Logger));
  const options = app.get<LambdaSinkOptions>(LAMBDA_SINK_OPTIONS);
  const logger = new NestLogger('LambdaSink');
  for (const warning of options.warnings ?? []) logger.warn(warning);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`received ${signal}, draining\n`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const { host, port } = listenAddress(options.listeners);
  await app.listen(port, host);
  app.connectMicroservice({ strategy: app.get(LambdaSinkServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `lambda-sink failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
