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
import { BackgroundStarter } from './background-starter';
import { LambdaSinkEngine } from './lambda-sink-engine';

/**
 * Runs the sink with the host application when `autoStart` is on: started once every module is
 * initialised (or, with `'background'`, right after without holding bootstrap up), and drained
 * before Nest closes connections (needs `app.enableShutdownHooks()` for SIGTERM/SIGINT to reach it).
 */
@Injectable()
export class LambdaSinkLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly engine: LambdaSinkEngine,
    private readonly starter: BackgroundStarter,
    @Inject(LAMBDA_SINK_MODULE_OPTIONS) private readonly moduleOptions: LambdaSinkModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const autoStart = this.moduleOptions.autoStart ?? true;
    if (autoStart === 'background') this.starter.begin();
    else if (autoStart) await this.engine.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.starter.halt(this.engine.options.shutdownTimeoutMs);
    await this.engine.stop();
  }
}
