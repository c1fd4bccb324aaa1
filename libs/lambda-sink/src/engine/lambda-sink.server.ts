import { Injectable } from '@nestjs/common';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { LambdaSinkEngine } from './lambda-sink-engine';

/**
 * The sink as a Nest microservice transport strategy (SPEC 1.3). Nest's stock ServerKafka
 * consumes message by message and commits on its own, so it cannot hold an offset back until
 * Lambda and the reporter succeeded; this strategy runs the sink's own engine instead.
 *
 * ```ts
 * const app = await NestFactory.create(AppModule);           // HTTP: health, status, metrics
 * app.connectMicroservice({ strategy: app.get(LambdaSinkServer) });
 * await app.startAllMicroservices();
 * ```
 */
@Injectable()
export class LambdaSinkServer extends Server implements CustomTransportStrategy {
  constructor(private readonly engine: LambdaSinkEngine) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.engine.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    await this.engine.stop();
  }

  /** Sink events are not dispatched to message handlers; the sink's output is Lambda. */
  on(): void {
    throw new Error('LambdaSinkServer does not dispatch events to message handlers');
  }

  unwrap<T>(): T {
    return this.engine as T;
  }
}
