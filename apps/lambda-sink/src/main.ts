#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import type { INestApplication } from '@nestjs/common';
import {
  ConfigValidationError,
  loadConnectProperties,
  loadLambdaSinkOptions,
} from '../../../libs/lambda-sink/src';
import { bootstrapService } from './bootstrap';

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

  let app: INestApplication | undefined;
  let closing = false;
  // Nest's enableShutdownHooks re-raises the signal after closing (exit 143); a drained sink exits 0.
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`received ${signal}, draining\n`);
    (app ? app.close() : Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  app = await bootstrapService(properties);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `lambda-sink failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
