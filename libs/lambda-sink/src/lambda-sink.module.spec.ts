import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Registry } from 'prom-client';
import type { LambdaSinkOptions } from './config/lambda-sink-options';
import { minimalProperties } from './config/test-properties';
import { InjectLambdaSinkOptions } from './lambda-sink.decorators';
import { LambdaSinkModule } from './lambda-sink.module';

// The module's Nest-facing options, on an app that never starts the sink (no broker needed).

@Injectable()
class SinkNameReader {
  constructor(@InjectLambdaSinkOptions() readonly options: LambdaSinkOptions) {}
}

@Controller('hello')
class HostController {
  @Get()
  hello() {
    return 'host';
  }
}

describe('LambdaSinkModule in a host app', () => {
  const apps: INestApplication[] = [];
  after(() => Promise.all(apps.map((app) => app.close())));

  async function listen(module: unknown): Promise<string> {
    const app = await NestFactory.create(module as never, { logger: false });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  it('injects the validated options with @InjectLambdaSinkOptions()', async () => {
    @Module({
      imports: [
        LambdaSinkModule.forRoot({
          properties: minimalProperties({ 'aws.lambda.batch.size': '7' }),
          autoStart: false,
        }),
      ],
      providers: [SinkNameReader],
    })
    class HostModule {}
    const app = await NestFactory.createApplicationContext(HostModule, { logger: false });
    apps.push(app as INestApplication);
    const { options } = app.get(SinkNameReader);
    assert.equal(options.name, 'orders-sink');
    assert.equal(options.lambda.batchSize, 7);
    assert.equal(options.groupId, 'connect-orders-sink');
  });

  it('registers its metrics in the registry the host passes', async () => {
    const registry = new Registry();
    @Module({
      imports: [
        LambdaSinkModule.forRootAsync({
          useFactory: () => ({
            properties: minimalProperties(),
            autoStart: false,
            metricsRegistry: registry,
          }),
        }),
      ],
    })
    class HostModule {}
    const url = await listen(HostModule);
    const hostScrape = await registry.metrics();
    assert.match(hostScrape, /^# TYPE lambda_sink_invocations_total counter$/m);
    assert.match(hostScrape, /^# TYPE lambda_sink_offset_commits_total counter$/m);
    // The module's own /metrics serves the same registry (process metrics move between two
    // scrapes, so the sink's own series are compared).
    const sinkSeries = (scrape: string) =>
      scrape.split('\n').filter((line) => line.includes('lambda_sink_'));
    assert.deepEqual(
      sinkSeries(await (await fetch(`${url}/metrics`)).text()),
      sinkSeries(hostScrape),
    );
  });

  it('mounts its routes under routePrefix, beside the host routes', async () => {
    @Module({
      imports: [
        LambdaSinkModule.forRootAsync({
          routePrefix: 'sink',
          useFactory: () => ({ properties: minimalProperties(), autoStart: false }),
        }),
      ],
      controllers: [HostController],
    })
    class HostModule {}
    const url = await listen(HostModule);
    assert.equal((await fetch(`${url}/sink/health/live`)).status, 200);
    assert.deepEqual(await (await fetch(`${url}/sink/connectors`)).json(), ['orders-sink']);
    assert.equal((await fetch(`${url}/sink/metrics`)).status, 200);
    assert.equal((await fetch(`${url}/health/live`)).status, 404);
    assert.equal(await (await fetch(`${url}/hello`)).text(), 'host');
  });

  it('serves its routes at the root without a routePrefix', async () => {
    @Module({
      imports: [LambdaSinkModule.forRoot({ properties: minimalProperties(), autoStart: false })],
    })
    class HostModule {}
    const url = await listen(HostModule);
    assert.equal((await fetch(`${url}/health/live`)).status, 200);
    assert.deepEqual(await (await fetch(`${url}/connectors`)).json(), ['orders-sink']);
  });
});
