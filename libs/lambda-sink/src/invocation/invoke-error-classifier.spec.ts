import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyInvokeError, isThrottling } from './invoke-error-classifier';
import { fromTransferableError, toTransferableError } from './thread/transferable-error';

const sdkError = (name: string, status?: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('isThrottling', () => {
  it('is true for 429 TooManyRequestsException and ThrottlingException, which are transient', () => {
    for (const error of [
      sdkError('TooManyRequestsException', 429),
      sdkError('ThrottlingException', 400),
      sdkError('SomethingNew', 429),
    ]) {
      assert.equal(isThrottling(error), true, error.name);
      assert.equal(classifyInvokeError(error), 'transient', error.name);
    }
  });

  it('is false for transient errors that say nothing about concurrency', () => {
    for (const error of [
      sdkError('ServiceException', 500),
      sdkError('EC2ThrottledException', 502),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      undefined,
    ])
      assert.equal(isThrottling(error), false, String(error));
  });

  it('survives the trip from an invoke thread', () => {
    const crossed = fromTransferableError(
      toTransferableError(sdkError('TooManyRequestsException', 429)),
    );
    assert.equal(isThrottling(crossed), true);
  });
});
