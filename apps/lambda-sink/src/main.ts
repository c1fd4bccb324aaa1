#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { Logger, type INestApplication } from '@nestjs/common';
import {
  ConfigValidationError,
  loadConnectProperties,
  loadLambdaSinkOptions,
  loadStartupNotes,
} from '../../../libs/lambda-sink/src';
import { bootstrapService } from './bootstrap';

/**
 * `npm start -- [--worker WORKER_FILE] --config FILE`: the sink as a standalone Nest service,
 * reading a Connect worker file as Connect standalone does when one is given. Configuration errors
 * are printed all at once and exit 2 before anything connects; SIGTERM/SIGINT/SIGHUP drain the sink
 * (commit what succeeded, leave the group) and exit 0.
 */
async function main(): Promise<void> {
  const program = new Command('lambda-sink')
    .description('Kafka to AWS Lambda sink (drop-in for the Confluent AWS Lambda Sink Connector)')
    .option(
      '-c, --config <file>',
      'Connect-style .properties or REST JSON file (or LAMBDA_SINK_CONFIG)',
    )
    .option(
      '-w, --worker <file>',
      'Connect worker .properties file: converters, bootstrap.servers, consumer.* (or LAMBDA_SINK_WORKER_CONFIG)',
    )
    .parse();
  const file: string | undefined = program.opts().config ?? process.env.LAMBDA_SINK_CONFIG;
  const workerFile: string | undefined =
    program.opts().worker ?? process.env.LAMBDA_SINK_WORKER_CONFIG;

  let properties: Record<string, string>;
  let notes: { info: string[]; warnings: string[] };
  try {
    const sources = { file, workerFile, env: process.env };
    properties = loadConnectProperties(sources);
    // Validated here too, so problems name environment variables as written and nothing starts.
    loadLambdaSinkOptions(sources);
    notes = loadStartupNotes(sources);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  let app: INestApplication | undefined = undefined; // set once started; read by the signal handler
  let closing = false;
  // Through Nest's logger, which is pino once the app is up: these are JSON lines like the rest.
  const logger = new Logger('LambdaSink');
  // Nest's enableShutdownHooks re-raises the signal after closing (exit 143); a drained sink exits 0.
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`received ${signal}, draining`);
    (app ? app.close() : Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${describe(error)}`);
        process.exit(1);
      },
    );
  };
  // SIGHUP too: a closed terminal or an ssh session that drops sends it, and Node's default
  // (exit at once) would leave the group without a drain or a commit. The sink has no
  // configuration to reload, so the only safe meaning is "stop cleanly".
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => shutdown(signal));
  }

  app = await bootstrapService(properties, { startupNotes: notes });
}

/** The message only: a stack could carry configuration text. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  // Startup logs may still be buffered (bufferLogs) if Nest failed before its logger was set.
  Logger.flush();
  new Logger('LambdaSink').error(`lambda-sink failed to start: ${describe(error)}`);
  process.exit(1);
});
