import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { SinkMetrics } from '../metrics/sink-metrics';
import { MetricsAccessGuard } from './access/rest-access.guard';

/** Prometheus scrape endpoint; open unless `rest.auth.metrics.required`. */
@Controller('metrics')
@UseGuards(MetricsAccessGuard)
export class MetricsController {
  constructor(private readonly metrics: SinkMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
