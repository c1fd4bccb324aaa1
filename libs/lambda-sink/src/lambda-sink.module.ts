import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { optionsFromModuleOptions } from './config/lambda-sink-config-input';
import type { LambdaSinkOptions } from './config/lambda-sink-options';
import { LAMBDA_SINK_OPTIONS } from './lambda-sink.constants';
import { SinkHealthIndicator } from './operations/health/sink.health';
import { RestAccessPolicy } from './operations/http/access/rest-access-policy';
import { ConnectorOperations } from './operations/connector-operations';
import { StatusPageState } from './operations/status-page/status-page-state.service';
import {
  LAMBDA_SINK_MODULE_OPTIONS,
  LambdaSinkConfigurableModule,
  type LambdaSinkModuleOptions,
} from './lambda-sink.module-definition';
import { BatchingService } from './batching/batching.service';
import { LambdaInvokerService } from './invocation/lambda-invoker.service';
import { SinkMetrics } from './operations/metrics/sink-metrics';
import { ReporterService } from './reporting/reporter.service';
import { BackgroundStarter } from './engine/background-starter';
import { LambdaSinkEngine } from './engine/lambda-sink-engine';
import { LambdaSinkLifecycle } from './engine/lambda-sink.lifecycle';
import { LambdaSinkServer } from './engine/lambda-sink.server';

/**
 * The Lambda sink as a Nest module.
 *
 * ```ts
 * import { LambdaSinkModule } from '@lambda-sink/nestjs';
 *
 * @Module({ imports: [LambdaSinkModule.forRoot({ properties: { name: 'orders', … } })] })
 * ```
 * Validation runs when the module is created: a bad configuration fails the application's
 * bootstrap with every problem listed, before anything connects.
 */
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: LAMBDA_SINK_OPTIONS,
      useFactory: (moduleOptions: LambdaSinkModuleOptions): LambdaSinkOptions =>
        optionsFromModuleOptions(moduleOptions),
      inject: [LAMBDA_SINK_MODULE_OPTIONS],
    },
    {
      provide: SinkMetrics,
      useFactory: (moduleOptions: LambdaSinkModuleOptions) =>
        new SinkMetrics({ registry: moduleOptions.metricsRegistry }),
      inject: [LAMBDA_SINK_MODULE_OPTIONS],
    },
    // The sink's services, each replaceable with overrideProvider() in a Nest testing module.
    {
      provide: LambdaInvokerService,
      useFactory: (options: LambdaSinkOptions, moduleOptions: LambdaSinkModuleOptions) =>
        new LambdaInvokerService(options, moduleOptions.lambdaClient),
      inject: [LAMBDA_SINK_OPTIONS, LAMBDA_SINK_MODULE_OPTIONS],
    },
    {
      provide: ReporterService,
      useFactory: (options: LambdaSinkOptions, metrics: SinkMetrics) =>
        new ReporterService(options, metrics),
      inject: [LAMBDA_SINK_OPTIONS, SinkMetrics],
    },
    BatchingService,
    {
      provide: LambdaSinkEngine,
      useFactory: (
        options: LambdaSinkOptions,
        metrics: SinkMetrics,
        invoker: LambdaInvokerService,
        reporter: ReporterService,
        batching: BatchingService,
      ) => new LambdaSinkEngine(options, metrics, { invoker, reporter, batching }),
      inject: [
        LAMBDA_SINK_OPTIONS,
        SinkMetrics,
        LambdaInvokerService,
        ReporterService,
        BatchingService,
      ],
    },
    {
      provide: BackgroundStarter,
      useFactory: (engine: LambdaSinkEngine) => new BackgroundStarter(engine),
      inject: [LambdaSinkEngine],
    },
    LambdaSinkServer,
    LambdaSinkLifecycle,
    SinkHealthIndicator,
    RestAccessPolicy,
    ConnectorOperations,
    StatusPageState,
  ],
  exports: [
    LAMBDA_SINK_OPTIONS,
    LambdaSinkEngine,
    LambdaInvokerService,
    ReporterService,
    BatchingService,
    LambdaSinkServer,
    SinkMetrics,
    SinkHealthIndicator,
    ConnectorOperations,
  ],
})
export class LambdaSinkModule extends LambdaSinkConfigurableModule {}
