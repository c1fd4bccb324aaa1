import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSink, writePropertiesFile } from '../support/sink-process';

describe('the service given a file with several mistakes', () => {
  it('prints one message listing every problem with the property as written, and exits non-zero', async () => {
    const file = writePropertiesFile({
      name: 'bad',
      'aws.lambda.invocation.type': 'sometimes',
      'aws.lambda.batch.size': '0',
      'behavior.on.error': 'explode',
      'aws.secret.access.key': 'TOP-SECRET-VALUE',
      'bootstrap.servers': '127.0.0.1:1',
    });
    const sink = spawnSink(file);
    const code = await sink.exited;
    const output = sink.output();
    assert.notEqual(code, 0);
    for (const property of [
      'topics',
      'aws.lambda.function.name',
      'aws.lambda.invocation.type',
      'aws.lambda.batch.size',
      'behavior.on.error',
      'aws.access.key.id',
    ]) {
      assert.match(output, new RegExp(property.replace(/\./g, '\\.')), `names ${property}`);
    }
    assert.match(output, /sometimes/, 'shows the value it got');
    assert.doesNotMatch(output, /TOP-SECRET-VALUE/, 'never prints the secret');
    assert.doesNotMatch(output, /ECONNREFUSED|Connection error/i, 'nothing was connected to');
  });

  it('exits 2 naming the property and line of a malformed \\u escape, without its value', async () => {
    const file = writePropertiesFile({
      name: 'bad',
      'ssl.key.password': 'SEC\\uZZRET',
    });
    const sink = spawnSink(file);
    const code = await sink.exited;
    const output = sink.output();
    assert.equal(code, 2, output);
    assert.match(output, /ssl\.key\.password = \[hidden\]: has a malformed \\u escape on line 2/);
    assert.doesNotMatch(output, /SEC|ZZ|RET/, 'no character of the value');
  });
});
