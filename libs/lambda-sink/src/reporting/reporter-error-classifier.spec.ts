import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { ReporterError } from '../errors/lambda-errors';
import { classifyReporterError } from './reporter-error-classifier';

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

  it('treats everything else as the broker being away, even what kafkajs gave up on', () => {
    const gaveUp = new KafkaJSNonRetriableError(
      new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'),
    );
    assert.equal(classifyReporterError(gaveUp), 'unavailable');
    assert.equal(classifyReporterError(protocolError('NOT_LEADER_OR_FOLLOWER')), 'unavailable');
    assert.equal(classifyReporterError(undefined), 'unavailable');
  });
});
