import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { LambdaSinkEngine, LambdaSinkModule } from '../../libs/lambda-sink/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';

@Controller('hello')
class HostController {
  @Get()
  hello() {
    return { host: 'app' };
  }
}

describe('LambdaSinkModule imported into a host Nest HTTP app', () => {
  let lambda: LambdaLocal;
  let app: INestApplication | undefined;
  before(async () => {
    lambda = await startLambda();
  });
  after(async () => {
    await app?.close();
    await lambda.close();
  });

  it('consumes and invokes alongside the host app, and serves the host routes and the sink status', async () => {
    const topic = await createTopic(uniqueName('host'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => 'ok');
    const properties = sinkProperties(lambda, { topics: topic, 'aws.lambda.function.name': fn });

    @Module({
      imports: [LambdaSinkModule.forRootAsync({ useFactory: async () => ({ properties }) })],
      controllers: [HostController],
    })
    class HostModule {}

    app = await NestFactory.create(HostModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    await produce(topic, [{ value: 'a' }, { value: 'b' }]);
    const invoked = () =>
      lambda.invocationsOf(fn).reduce((n, i) => n + (i.event as unknown[]).length, 0);
    assert.ok(await eventually(() => invoked() >= 2));
    assert.deepEqual(await (await fetch(`${url}/hello`)).json(), { host: 'app' });
    const status = (await (await fetch(`${url}/connectors/${properties.name}/status`)).json()) as {
      connector: { state: string };
    };
    assert.equal(status.connector.state, 'RUNNING');
    assert.ok(app.get(LambdaSinkEngine).running);
  });
});
