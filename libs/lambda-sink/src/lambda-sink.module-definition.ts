import { ConfigurableModuleBuilder } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { Registry } from 'prom-client';
import type { LambdaSinkConfigInput } from './config/lambda-sink-config-input';
import { ConnectorOffsetsController } from './operations/http/connector-offsets.controller';
import { ConnectorsController } from './operations/http/connectors.controller';
import { HealthController } from './operations/http/health.controller';
import { MetricsController } from './operations/http/metrics.controller';
import { StatusPageController } from './operations/status-page/status-page.controller';

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
   * When the sink starts (default `true`):
   * - `true`: during the application's bootstrap, which fails if Kafka or Lambda cannot be
   *   reached or the function does not exist;
   * - `'background'`: after bootstrap, without holding it up; failed starts are logged and
   *   retried with backoff, and `/health/ready` reports the sink down with the last error;
   * - `false`: not at all; the app connects `LambdaSinkServer` as its microservice transport and
   *   starts it with `startAllMicroservices()`, or calls `LambdaSinkEngine.start()` itself.
   */
  autoStart?: LambdaSinkAutoStart;
  /** A Lambda client to use instead of one built from the properties (tests, custom middleware). */
  lambdaClient?: LambdaClient;
  /**
   * A prom-client `Registry` to register the sink's metrics in, e.g. the one behind the host's
   * own `/metrics`. Default: a registry of the sink's own. One registry holds one sink's series.
   */
  metricsRegistry?: Registry;
}

export type LambdaSinkAutoStart = boolean | 'background';

export interface LambdaSinkModuleExtras {
  /** Register the HTTP controllers (status page, health, Connect-style REST, metrics). Default true. */
  http: boolean;
  /**
   * A path the module's routes are mounted under, e.g. `'sink'` for `/sink/health/ready`,
   * `/sink/connectors`, `/sink/metrics`, so they do not collide with the host's own routes.
   * Default: none (`/health`, `/connectors`, `/metrics`). Applies on top of the app's global prefix.
   */
  routePrefix?: string;
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
    // Nest's own RouterModule rather than a path baked into each controller: the host's
    // RouterModule trees, global prefix and versioning keep working the way the host expects.
    imports:
      extras.http && extras.routePrefix
        ? [
            ...(definition.imports ?? []),
            RouterModule.register([{ path: extras.routePrefix, module: definition.module }]),
          ]
        : definition.imports,
  }))
  .build();
