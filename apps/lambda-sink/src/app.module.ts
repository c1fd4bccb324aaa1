import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LambdaSinkModule } from '../../../libs/lambda-sink/src';
import { loggerOptions } from './logger-options';

/** The standalone service: the sink library, its HTTP surface, and structured logs. */
@Module({})
export class AppModule {
  static register(properties: Record<string, string>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions()),
        // The microservice transport (LambdaSinkServer) starts the sink, not the module.
        LambdaSinkModule.forRoot({ properties, autoStart: false }),
      ],
    };
  }
}
