import { Controller, Get, Header } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { SinkHealthIndicator } from '@lambda-sink/nestjs';
import { HostMetrics } from './host-metrics.js';

/**
 * The host's own health and metrics routes at the root; the sink's indicator is one of the
 * checks, and the sink's series are in the host's registry. The module's own routes are under
 * `/sink` (its `routePrefix`).
 */
@Controller()
export class HostHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly sink: SinkHealthIndicator,
    private readonly metrics: HostMetrics,
  ) {}

  @Get('healthz')
  @HealthCheck()
  check() {
    return this.health.check([() => this.sink.isReady('orders-sink')]);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
