import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaSinkConfigInput } from './config/lambda-sink-config-input';
import { ConnectorOffsetsController } from './http/connector-offsets.controller';
import { ConnectorsController } from './http/connectors.controller';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { StatusPageController } from './status-page/status-page.controller';

/**
 * What `LambdaSinkModule.forRoot()` / `forRootAsync()` take. The sink is configured with the
 * Connect property names a Confluent connector user already has (`aws.lambda.function.name`,
 * `topics`, …), so a properties file, a REST JSON config and code all go through one validation.
 */
export type LambdaSinkModuleOptions = LambdaSinkConfigInput & LambdaSinkRuntimeOptions;

/**
 * Module settings beside the configuration. The configuration itself is either
 * `{ properties: { name: 'orders', topics: 'orders', 'aws.lambda.function.name': 'fn', … } }`
 * (Connect property names) or typed options (`{ name, kafka: { bootstrapServers }, lambda: { functionName } }`).
 */
export interface LambdaSinkRuntimeOptions {
  /**
   * Start consuming when the application boots (default true). Set false when the app connects
   * `LambdaSinkServer` as its microservice transport and starts it with `startAllMicroservices()`.
   */
  autoStart?: boolean;
  /** A Lambda client to use instead of one built from the properties (tests, custom middleware). */
  lambdaClient?: LambdaClient;
}

export interface LambdaSinkModuleExtras {
  /** Register the HTTP controllers (status page, health, Connect-style REST, metrics). Default true. */
  http: boolean;
  isGlobal: boolean;
}

export const {
  ConfigurableModuleClass: LambdaSinkConfigurableModule,
  MODULE_OPTIONS_TOKEN: LAMBDA_SINK_MODULE_OPTIONS,
  OPTIONS_TYPE: LAMBDA_SINK_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: LAMBDA_SINK_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<LambdaSinkModuleOptions>({ moduleName: 'LambdaSink' })
  .setClassMethodName('forRoot')
  .setExtras<LambdaSinkModuleExtras>({ http: true, isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    controllers: extras.http
      ? [
          HealthController,
          ConnectorsController,
          ConnectorOffsetsController,
          MetricsController,
          StatusPageController,
        ]
      : [],
  }))
  .build();
