import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { LambdaClient } from '@aws-sdk/client-lambda';

/**
 * What `LambdaSinkModule.forRoot()` / `forRootAsync()` take. The sink is configured with the
 * Connect property names a Confluent connector user already has (`aws.lambda.function.name`,
 * `topics`, …), so a properties file, a REST JSON config and code all go through one validation.
 */
export interface LambdaSinkModuleOptions {
  /** Connect-style properties, e.g. `{ name: 'orders', topics: 'orders', 'aws.lambda.function.name': 'fn', 'bootstrap.servers': 'localhost:9092' }`. */
  properties: Record<string, string | number | boolean>;
  /**
   * Start consuming when the application boots (default true). Set false when the app connects
   * `LambdaSinkServer` as its microservice transport and starts it with `startAllMicroservices()`.
   */
  autoStart?: boolean;
  /** A Lambda client to use instead of one built from the properties (tests, custom middleware). */
  lambdaClient?: LambdaClient;
}

export interface LambdaSinkModuleExtras {
  /** Register the HTTP controllers (health, Connect-style status, metrics). Default true. */
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
    controllers: extras.http ? (definition.controllers ?? []) : [],
  }))
  .build();

/** The validated `LambdaSinkOptions`. */
export const LAMBDA_SINK_OPTIONS = 'LAMBDA_SINK:OPTIONS';
