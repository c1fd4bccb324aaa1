import { Controller, Get } from '@nestjs/common';
import { InjectLambdaSinkOptions, type LambdaSinkOptions } from '@lambda-sink/nestjs';
import { HostMetrics } from './host-metrics.js';

/** The host's own business routes; here, which topics feed the Lambda function. */
@Controller('orders')
export class OrdersController {
  constructor(
    @InjectLambdaSinkOptions() private readonly sink: LambdaSinkOptions,
    private readonly metrics: HostMetrics,
  ) {}

  @Get()
  describe() {
    this.metrics.ordersViewed.inc();
    return { topics: this.sink.topics, function: this.sink.lambda.functionName };
  }
}
