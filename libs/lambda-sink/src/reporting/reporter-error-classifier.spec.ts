import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { ReporterError } from '../errors/lambda-errors';
import { classifyReporterError, describeEncodingFailure } from './reporter-error-classifier';

const protocolError = (type: string) =>
  new KafkaJSProtocolError({ type, code: 0, retriable: false, message: type } as never);

describe('classifyReporterError', () => {
  it('reads a too-large batch through the reporter and kafkajs wrappers', () => {
    for (const type of ['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']) {
      const wrapped = new ReporterError('could not write', {}, { cause: protocolError(type) });
      assert.equal(classifyReporterError(wrapped), 'too-large');
    }
  });

  it('calls a record the broker refuses for good rejected', () => {
    assert.equal(classifyReporterError(protocolError('INVALID_RECORD')), 'rejected');
  });

  it('calls a failure to encode the records here unencodable, never the broker being away', () => {
    let encoderFailure: unknown;
    try {
      Buffer.byteLength(null as unknown as string);
    } catch (error) {
      encoderFailure = error;
    }
    const wrapped = new ReporterError('could not write', {}, { cause: encoderFailure });
    assert.equal(classifyReporterError(wrapped), 'unencodable');
    assert.equal(classifyReporterError(encoderFailure), 'unencodable');
    assert.equal(describeEncodingFailure(wrapped), 'TypeError ERR_INVALID_ARG_TYPE');
  });

  it('keeps waiting on a TypeError without a Node error code (a bug, maybe while the broker is away)', () => {
    assert.equal(
      classifyReporterError(new TypeError('Cannot read properties of undefined')),
      'unavailable',
    );
  });

  it('treats everything else as the broker being away, even what kafkajs gave up on', () => {
    const gaveUp = new KafkaJSNonRetriableError(
      new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'),
    );
    assert.equal(classifyReporterError(gaveUp), 'unavailable');
    assert.equal(classifyReporterError(protocolError('NOT_LEADER_OR_FOLLOWER')), 'unavailable');
    assert.equal(classifyReporterError(undefined), 'unavailable');
  });
});
