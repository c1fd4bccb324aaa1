#!/usr/bin/env node
// `npm run lambda:local`: the project's Lambda endpoint as a process, for the demo and for
// trying the sink by hand. Point the sink at it with `aws.lambda.endpoint=<printed URL>`.
import { Command, InvalidArgumentError } from 'commander';
import { LambdaLocalError, startLambdaLocal } from '../../../libs/lambda-local/src';

interface CliOptions {
  functions: string;
  port: number;
  host: string;
  region?: string;
  accountId?: string;
  recordPayloads: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('must be an integer from 0 to 65535.');
  }
  return port;
}

async function main(): Promise<void> {
  const options = new Command('lambda-local')
    .description('AWS Lambda Invoke API on this machine, running handler modules from a folder')
    .option('--functions <dir>', 'folder of handler modules (.js/.cjs/.mjs)', 'examples/functions')
    .option('--port <n>', 'TCP port (0 picks a free one)', parsePort, 9001)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--region <region>', 'region in ARNs (default us-east-1)')
    .option('--account-id <id>', 'account in ARNs (default 000000000000)')
    .option('--no-record-payloads', 'keep only sizes and outcomes in the invocation log')
    .parse()
    .opts<CliOptions>();

  const lambda = await startLambdaLocal({
    functionsDir: options.functions,
    port: options.port,
    host: options.host,
    region: options.region,
    accountId: options.accountId,
    recordPayloads: options.recordPayloads,
  });
  console.log(`Lambda Local listening on ${lambda.url}`);
  console.log(`functions: ${lambda.functionNames().join(', ') || '(none)'}`);

  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal} received, closing`);
    void lambda.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Startup problems are the user's to fix: print them plainly, without a stack.
  console.error(error instanceof LambdaLocalError ? error.message : error);
  process.exit(1);
});
