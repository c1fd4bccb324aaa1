import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { LambdaSinkModule } from '../../../libs/lambda-sink/src';
import { loggerOptions } from './logger-options';
import { SINK_CONFIG, sinkConfiguration, type SinkConfig } from './sink-config';

/** The standalone service: the sink library, its HTTP surface, and structured logs. */
@Module({})
export class AppModule {
  static register(properties: Record<string, string>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // No .env file: the service reads a Connect properties file and LAMBDA_SINK_* variables,
        // already merged by main; ConfigService serves them validated.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [sinkConfiguration(properties)],
        }),
        LoggerModule.forRoot(loggerOptions()),
        // The microservice transport (LambdaSinkServer) starts the sink, not the module.
        LambdaSinkModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            properties: config.getOrThrow<SinkConfig>(SINK_CONFIG).properties,
            autoStart: false,
          }),
        }),
      ],
    };
  }
}
