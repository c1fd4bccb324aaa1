import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  invokedRecords,
  type PayloadRecord,
  readTopic,
  recordCount,
  withSink,
} from '../outcomes/support/outcomes';

const T = 'org.apache.kafka.connect.transforms.';

describe('Single Message Transforms in the sink', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('sends Lambda the transformed records, drops filtered ones, and dead-letters a record a transform fails on', async () => {
    const topic = await createTopic(uniqueName('smt'));
    const name = uniqueName('sink');
    const dlq = `${name}-dlq`;
    await produce(topic, [
      { key: 'a', value: '{"id":1,"card":"4111","qty":"2"}' },
      { key: 'b', value: '{"id":2,"card":"5500","qty":"3"}', headers: { skip: 'yes' } },
      { key: 'c', value: '{"id":3,"card":"3400","qty":"many"}' },
      { key: 'd', value: '{"id":4,"card":"6011","qty":"5"}', headers: { skip: 'yes' } },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'false',
        transforms: 'skip,mask,qty,source,tag',
        'transforms.skip.type': `${T}Filter`,
        'transforms.skip.predicate': 'skipHeader',
        'transforms.mask.type': `${T}MaskField$Value`,
        'transforms.mask.fields': 'card',
        'transforms.qty.type': `${T}Cast$Value`,
        'transforms.qty.spec': 'qty:int32',
        'transforms.source.type': `${T}InsertField$Value`,
        'transforms.source.topic.field': 'from',
        'transforms.tag.type': `${T}InsertHeader`,
        'transforms.tag.header': 'via',
        'transforms.tag.value.literal': 'lambda-sink',
        predicates: 'skipHeader',
        'predicates.skipHeader.type': `${T}predicates.HasHeaderKey`,
        'predicates.skipHeader.name': 'skip',
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': dlq,
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
      async () => {
        // Offset 3 is filtered at the end of the fetch: committed all the same.
        await expectCommitted(`connect-${name}`, topic, { 0: 4 });
      },
    );
    const invoked = (
      invokedRecords(lambda, 'success') as Array<PayloadRecord & { headers: unknown }>
    ).filter((r) => r.topic === topic);
    assert.deepEqual(
      invoked.map((r) => [r.offset, r.key, r.value, r.headers]),
      [[0, 'a', { id: 1, card: '', qty: 2, from: topic }, [{ via: 'lambda-sink' }]]],
    );
    assert.equal(await recordCount(dlq), 1);
    const [dead] = await readTopic(dlq, 1);
    assert.equal(headerText(dead, '__connect.errors.offset'), '2');
    assert.equal(headerText(dead, '__connect.errors.stage'), 'TRANSFORMATION');
    assert.equal(headerText(dead, '__connect.errors.class.name'), `${T}Cast$Value`);
    assert.match(
      headerText(dead, '__connect.errors.exception.message') ?? '',
      /transform qty .* cannot be cast to int32/,
    );
  });
});
