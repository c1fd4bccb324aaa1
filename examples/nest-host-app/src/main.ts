import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

const app = await NestFactory.create(AppModule);
// SIGTERM/SIGINT run the module's shutdown hook: the sink drains and commits, then Nest exits.
// `useProcessExit` ends a clean drain with status 0; by default Nest re-raises the signal, and
// an orchestrator then sees the pod killed by SIGTERM (143) even though nothing was lost.
app.enableShutdownHooks([], { useProcessExit: true });
await app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
new Logger('HostApp').log(`listening on ${await app.getUrl()}`);
