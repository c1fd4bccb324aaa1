import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { spawnSink, writePropertiesFile } from '../support/sink-process';

// Not JSON, and what a careless message would quote: V8 puts the start of the text in its own.
const RECORD = 'ssn=123-45-6789;card=4111111111111111';
const FRAGMENTS = ['ssn=', '123-45', '4111'];

describe('a record the JsonConverter cannot read, with errors.tolerance=none', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('fails the task naming the record and the position, logs it, and never shows its bytes', async () => {
    const topic = await createTopic(uniqueName('content'));
    await produce(topic, [{ value: '{"ok":1}' }, { value: RECORD }]);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event) => (event as unknown[]).map(() => 'ok'));
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'errors.tolerance': 'none',
      listeners: 'http://127.0.0.1:0',
    });
    const service = spawnSink(writePropertiesFile(properties));
    const bodies: string[] = [];
    try {
      const address = /HTTP \(health, status, metrics\) on (http:\/\/[^"\s]+)/;
      assert.ok(await eventually(() => address.test(service.output())), service.output());
      const url = address.exec(service.output())?.[1] ?? '';
      const statusUrl = `${url}/connectors/${properties.name}/status`;
      let status = '';
      const failed = await eventually(async () => {
        status = await (await fetch(statusUrl)).text();
        return status.includes('"FAILED"');
      });
      assert.ok(failed, service.output());
      bodies.push(status);
      const ready = await fetch(`${url}/health/ready`);
      assert.equal(ready.status, 503);
      bodies.push(await ready.text());
    } finally {
      service.child.kill('SIGTERM');
    }
    await service.exited;

    const output = service.output();
    for (const text of [output, ...bodies]) {
      for (const fragment of FRAGMENTS) {
        assert.ok(!text.includes(fragment), `"${fragment}" of the record is shown:\n${text}`);
      }
    }
    const where = new RegExp(`${topic}-0@1\\b.*line 1, column 1`);
    assert.match(bodies[0], where, 'the status trace names the record and the position');
    assert.match(bodies[1], where, 'so does the readiness answer');
    const failures = output.split('\n').filter((line) => /task 0 failed/.test(line));
    assert.ok(failures.length > 0, `the task failure is logged:\n${output}`);
    for (const line of failures) {
      assert.match(line, where);
      assert.match(line, /"level":"error"/);
    }
  });
});
