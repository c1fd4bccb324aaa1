import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFunctionName } from './function-name.parser';

describe('parseFunctionName', () => {
  it('reads a plain name', () => {
    assert.deepEqual(parseFunctionName('my-function'), {
      name: 'my-function',
      qualifier: undefined,
      region: undefined,
      accountId: undefined,
    });
  });

  it('reads name:alias and name:version', () => {
    assert.equal(parseFunctionName('fn:live')?.qualifier, 'live');
    assert.equal(parseFunctionName('fn:3')?.qualifier, '3');
    assert.equal(parseFunctionName('fn:$LATEST')?.qualifier, '$LATEST');
  });

  it('reads a partial ARN', () => {
    assert.deepEqual(parseFunctionName('000000000000:function:fn:live'), {
      name: 'fn',
      qualifier: 'live',
      region: undefined,
      accountId: '000000000000',
    });
  });

  it('reads a full ARN with and without a qualifier', () => {
    assert.deepEqual(parseFunctionName('arn:aws:lambda:eu-west-1:123456789012:function:fn'), {
      name: 'fn',
      qualifier: undefined,
      region: 'eu-west-1',
      accountId: '123456789012',
    });
    assert.equal(
      parseFunctionName('arn:aws:lambda:us-east-1:123456789012:function:fn:2')?.qualifier,
      '2',
    );
  });

  it('rejects what the API rejects', () => {
    for (const bad of [
      '',
      'has space',
      'a.b',
      'fn:q:extra',
      'x'.repeat(65),
      'arn:aws:lambda:us-east-1:function:fn',
    ]) {
      assert.equal(parseFunctionName(bad), undefined, bad);
    }
  });
});
