import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  invokedOffsets,
  readTopic,
  recordCount,
  recordErrorsByAction,
  withSink,
} from '../outcomes/support/outcomes';

describe('aws.lambda.max.record.age.ms', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('sends records older than the limit to behavior.on.error as expired, without invoking them', async () => {
    const topic = await createTopic(uniqueName('record-age'));
    const name = uniqueName('sink');
    const hourAgo = String(Date.now() - 3_600_000);
    await produce(topic, [
      { key: 'old-0', value: 'old', timestamp: hourAgo },
      { key: 'new-1', value: 'new' },
      { key: 'old-2', value: 'old', timestamp: hourAgo },
      { key: 'new-3', value: 'new' },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'success',
        'aws.lambda.max.record.age.ms': '600000',
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 4 });
        assert.deepEqual(await recordErrorsByAction(engine), { report: 2 });
      },
    );
    assert.deepEqual(invokedOffsets(lambda, 'success').slice(-2), [1, 3], 'only the young records');
    const errors = (await readTopic(`${name}-error`, 2)).sort((a, b) => a.offset - b.offset);
    assert.deepEqual(
      errors.map((r) => String(r.key)),
      ['old-0', 'old-2'],
    );
    for (const record of errors) {
      assert.equal(headerText(record, '__lambda.error.type'), 'RECORD_EXPIRED');
      assert.equal(
        headerText(record, '__connect.errors.exception.class.name'),
        'RecordExpiredError',
      );
      assert.match(
        headerText(record, '__connect.errors.exception.message') ?? '',
        /older than aws\.lambda\.max\.record\.age\.ms=600000 were not invoked \(expired\)/,
      );
    }
    assert.equal(await recordCount(`${name}-success`), 2);
  });
});
