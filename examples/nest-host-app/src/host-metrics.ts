import { Counter, Registry } from 'prom-client';

/**
 * The host's own Prometheus registry: the app's metrics, and the sink's too (the module's
 * `metricsRegistry` option), so one scrape of the host's `/metrics` shows both.
 */
export class HostMetrics {
  readonly registry = new Registry();
  readonly ordersViewed = new Counter({
    name: 'host_orders_requests_total',
    help: 'Requests to GET /orders',
    registers: [this.registry],
  });
}
