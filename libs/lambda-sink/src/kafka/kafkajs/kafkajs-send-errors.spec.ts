import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { ReporterError } from '../../errors/lambda-errors';
import { classifySendError, describeEncodingFailure } from './kafkajs-send-errors';

const protocolError = (type: string) =>
  new KafkaJSProtocolError({ type, code: 0, retriable: false, message: type } as never);

describe('classifySendError', () => {
  it('reads a too-large batch through the reporter and kafkajs wrappers', () => {
    for (const type of ['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']) {
      const wrapped = new ReporterError('could not write', {}, { cause: protocolError(type) });
      assert.equal(classifySendError(wrapped), 'too-large');
    }
  });

  it('calls a record the broker refuses for good rejected', () => {
    assert.equal(classifySendError(protocolError('INVALID_RECORD')), 'rejected');
  });

  it('calls a failure to encode the records here unencodable, never the broker being away', () => {
    let encoderFailure: unknown;
    try {
      Buffer.byteLength(null as unknown as string);
    } catch (error) {
      encoderFailure = error;
    }
    const wrapped = new ReporterError('could not write', {}, { cause: encoderFailure });
    assert.equal(classifySendError(wrapped), 'unencodable');
    assert.equal(classifySendError(encoderFailure), 'unencodable');
    assert.equal(describeEncodingFailure(wrapped), 'TypeError ERR_INVALID_ARG_TYPE');
  });

  it('keeps waiting on a TypeError without a Node error code (a bug, maybe while the broker is away)', () => {
    assert.equal(
      classifySendError(new TypeError('Cannot read properties of undefined')),
      'unavailable',
    );
  });

  it('treats everything else as the broker being away, even what kafkajs gave up on', () => {
    const gaveUp = new KafkaJSNonRetriableError(
      new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'),
    );
    assert.equal(classifySendError(gaveUp), 'unavailable');
    assert.equal(classifySendError(protocolError('NOT_LEADER_OR_FOLLOWER')), 'unavailable');
    assert.equal(classifySendError(undefined), 'unavailable');
  });
});
