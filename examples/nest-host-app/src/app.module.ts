import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { LambdaSinkModule } from '@lambda-sink/nestjs';
import { HostHealthController } from './host-health.controller.js';
import { HostMetrics } from './host-metrics.js';
import { OrdersController } from './orders.controller.js';
import { sinkOptions } from './sink-config.js';

/** Provides the host's metrics to the sink's options factory as well as to its controllers. */
@Module({ providers: [HostMetrics], exports: [HostMetrics] })
class HostMetricsModule {}

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    TerminusModule,
    HostMetricsModule,
    LambdaSinkModule.forRootAsync({
      imports: [HostMetricsModule],
      inject: [ConfigService, HostMetrics],
      useFactory: sinkOptions,
      routePrefix: 'sink',
    }),
  ],
  controllers: [OrdersController, HostHealthController],
})
export class AppModule {}
