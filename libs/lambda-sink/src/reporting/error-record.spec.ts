import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConversionError } from '../conversion/conversion-error';
import type { KafkaRecord } from '../conversion/kafka-record';
import { LambdaFunctionError } from '../errors/lambda-errors';
import {
  buildConversionErrorRecord,
  buildErrorRecord,
  type ErrorRecordInput,
} from './error-record';
import { NULL_HEADERS_MARKER } from './reporter-headers';

function failedRecord(): KafkaRecord {
  return {
    topic: 'orders',
    partition: 2,
    offset: '9007199254740993',
    key: Buffer.from('k'),
    value: Buffer.from([0xde, 0xad, 0xbe, 0xef]),
    headers: { trace: Buffer.from('abc') },
    timestamp: '1562844607000',
  };
}

function lambdaFailure(record: KafkaRecord): ErrorRecordInput {
  return {
    record,
    connectorName: 'orders-sink',
    stage: 'TASK_PUT',
    className: 'LambdaSinkTask',
    error: new LambdaFunctionError('boom', 'Unhandled', { functionName: 'fn' }),
    lambda: { functionName: 'fn', invocationType: 'sync', errorType: 'Unhandled' },
    contextHeaders: true,
  };
}

describe('buildErrorRecord', () => {
  it('writes back the original key and value bytes', () => {
    const record = failedRecord();
    const message = buildErrorRecord(lambdaFailure(record));
    assert.equal(message.key, record.key);
    assert.equal(message.value, record.value);
  });

  it("adds Connect's context headers and the Lambda ones after the original headers", () => {
    const message = buildErrorRecord(lambdaFailure(failedRecord()));
    assert.deepEqual(message.headers, {
      trace: Buffer.from('abc'),
      '__connect.errors.topic': 'orders',
      '__connect.errors.partition': '2',
      '__connect.errors.offset': '9007199254740993',
      '__connect.errors.connector.name': 'orders-sink',
      '__connect.errors.task.id': '0',
      '__connect.errors.stage': 'TASK_PUT',
      '__connect.errors.class.name': 'LambdaSinkTask',
      '__connect.errors.exception.class.name': 'LambdaFunctionError',
      '__connect.errors.exception.message': 'boom',
      '__lambda.function.name': 'fn',
      '__lambda.invocation.type': 'sync',
      '__lambda.error.type': 'Unhandled',
    });
  });

  it('leaves the consumed record untouched', () => {
    const record = failedRecord();
    buildErrorRecord(lambdaFailure(record));
    assert.deepEqual(record, failedRecord());
  });

  it("replaces a previous failure's context headers instead of repeating them", () => {
    const record = failedRecord();
    record.headers['__connect.errors.stage'] = Buffer.from('VALUE_CONVERTER');
    const message = buildErrorRecord(lambdaFailure(record));
    assert.equal(message.headers['__connect.errors.stage'], 'TASK_PUT');
  });

  it('describes errors that are not Error objects', () => {
    const input = { ...lambdaFailure(failedRecord()), error: 'PAYLOAD_TOO_LARGE' };
    const message = buildErrorRecord(input);
    assert.equal(message.headers['__connect.errors.exception.class.name'], 'string');
    assert.equal(message.headers['__connect.errors.exception.message'], 'PAYLOAD_TOO_LARGE');
  });

  it('writes only the original record when context headers are off', () => {
    const record = failedRecord();
    const message = buildErrorRecord({ ...lambdaFailure(record), contextHeaders: false });
    assert.deepEqual(message, { key: record.key, value: record.value, headers: record.headers });
  });

  it('carries a null-valued header, with or without context headers, as the marked empty value', () => {
    for (const contextHeaders of [true, false]) {
      const record = { ...failedRecord(), headers: { trace: null } };
      const message = buildErrorRecord({ ...lambdaFailure(record), contextHeaders });
      assert.deepEqual(message.headers.trace, Buffer.alloc(0));
      assert.equal(message.headers[NULL_HEADERS_MARKER], '{"trace":[0]}');
    }
  });

  it('keeps a tombstone a tombstone', () => {
    const record = { ...failedRecord(), key: null, value: null };
    const message = buildErrorRecord(lambdaFailure(record));
    assert.equal(message.key, null);
    assert.equal(message.value, null);
  });
});

describe('buildConversionErrorRecord', () => {
  const converterClass = 'org.apache.kafka.connect.json.JsonConverter';
  const conversionError = (part: 'key' | 'value') =>
    new ConversionError('unreadable', {
      topic: 'orders',
      partition: 2,
      offset: '1',
      part,
      converterClass,
    });

  it('reports the value converter stage and class, with no Lambda headers', () => {
    const message = buildConversionErrorRecord(
      failedRecord(),
      conversionError('value'),
      'orders-sink',
      true,
    );
    assert.equal(message.headers['__connect.errors.stage'], 'VALUE_CONVERTER');
    assert.equal(message.headers['__connect.errors.class.name'], converterClass);
    assert.equal(message.headers['__connect.errors.exception.class.name'], 'ConversionError');
    assert.equal(message.headers['__connect.errors.exception.message'], 'unreadable');
    assert.equal('__lambda.function.name' in message.headers, false);
  });

  it('reports the key converter stage for a key failure', () => {
    const message = buildConversionErrorRecord(
      failedRecord(),
      conversionError('key'),
      'orders-sink',
      true,
    );
    assert.equal(message.headers['__connect.errors.stage'], 'KEY_CONVERTER');
  });

  it("reports the sink's put() stage for a record read but not writable into the payload", () => {
    const error = new ConversionError('no payload', {
      topic: 'orders',
      partition: 2,
      offset: '1',
      converterClass: 'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector',
    });
    const message = buildConversionErrorRecord(failedRecord(), error, 'orders-sink', true);
    assert.equal(message.headers['__connect.errors.stage'], 'TASK_PUT');
    assert.equal(
      message.headers['__connect.errors.class.name'],
      'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector',
    );
  });

  it('writes the bare record to the dead letter queue when context headers are off', () => {
    const record = failedRecord();
    const message = buildConversionErrorRecord(
      record,
      conversionError('value'),
      'orders-sink',
      false,
    );
    assert.deepEqual(message, { key: record.key, value: record.value, headers: record.headers });
  });
});
