import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { LAMBDA_SINK_OPTIONS, type LambdaSinkOptions } from '../../../libs/lambda-sink/src';
import { minimalProperties } from '../../../libs/lambda-sink/src/testing';
import { AppModule } from './app.module';
import { SINK_CONFIG, type SinkConfig } from './sink-config';

// The standalone app's configuration through @nestjs/config (no broker: the sink is not started).
describe('AppModule configuration', () => {
  it('ConfigService serves the validated options, and the sink module uses the same', async () => {
    const app = await NestFactory.createApplicationContext(
      AppModule.register(minimalProperties({ 'aws.lambda.batch.size': '42' })),
      { logger: false },
    );
    try {
      const config = app.get(ConfigService).getOrThrow<SinkConfig>(SINK_CONFIG);
      assert.equal(config.options.name, 'orders-sink');
      assert.equal(config.options.lambda.batchSize, 42);
      assert.equal(config.properties['aws.lambda.batch.size'], '42');
      assert.equal(app.get<LambdaSinkOptions>(LAMBDA_SINK_OPTIONS).lambda.batchSize, 42);
    } finally {
      await app.close();
    }
  });

  it('an invalid configuration fails the bootstrap naming the property', async () => {
    await assert.rejects(
      NestFactory.createApplicationContext(
        AppModule.register(minimalProperties({ 'aws.lambda.batch.size': 'many' })),
        { logger: false, abortOnError: false },
      ),
      /aws\.lambda\.batch\.size/,
    );
  });
});
