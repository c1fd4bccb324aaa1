import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  LAMBDA_SINK_MODULE_OPTIONS,
  type LambdaSinkModuleOptions,
} from '../lambda-sink.module-definition';
import { LambdaSinkEngine } from './lambda-sink-engine';

/**
 * Runs the sink with the host application when `autoStart` is on: started once every module is
 * initialised, and drained before Nest closes connections (needs `app.enableShutdownHooks()`
 * for SIGTERM/SIGINT to reach it).
 */
@Injectable()
export class LambdaSinkLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly engine: LambdaSinkEngine,
    @Inject(LAMBDA_SINK_MODULE_OPTIONS) private readonly moduleOptions: LambdaSinkModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.moduleOptions.autoStart ?? true) await this.engine.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.stop();
  }
}
