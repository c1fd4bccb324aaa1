import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { itemIdentifierOf, readBatchItemFailures } from './batch-item-failures';

const batch = [10, 11, 12, 13].map((offset) => ({ topic: 'or-ders@x', partition: 3, offset }));
const response = (failures: unknown) => JSON.stringify({ batchItemFailures: failures });
const offsetsOf = (read: ReturnType<typeof readBatchItemFailures>) =>
  read.kind === 'failed' ? read.records.map((r) => r.offset) : read.kind;

describe('reading a partial batch response', () => {
  it("names records by this sink's topic-partition@offset, even when the topic has dashes and @", () => {
    assert.equal(itemIdentifierOf(batch[1]), 'or-ders@x-3@11');
    const read = readBatchItemFailures(
      response([{ itemIdentifier: 'or-ders@x-3@13' }, { itemIdentifier: 'or-ders@x-3@11' }]),
      batch,
    );
    assert.deepEqual(offsetsOf(read), [11, 13], 'in batch order');
  });

  it("accepts AWS's Kafka identifier object, with the offset as a number or a decimal string", () => {
    const read = readBatchItemFailures(
      response([
        { itemIdentifier: { partition: 'or-ders@x-3', offset: 12 } },
        { itemIdentifier: { partition: 'or-ders@x-3', offset: '10' } },
      ]),
      batch,
    );
    assert.deepEqual(offsetsOf(read), [10, 12]);
  });

  it("accepts middy's topic-partition-offset string, and a record named twice fails once", () => {
    const read = readBatchItemFailures(
      response([{ itemIdentifier: 'or-ders@x-3-12' }, { itemIdentifier: 'or-ders@x-3@12' }]),
      batch,
    );
    assert.deepEqual(offsetsOf(read), [12]);
  });

  it('takes what AWS documents as a complete success for one', () => {
    for (const body of [undefined, '', ' ', 'null', '{}', response([]), response(null)]) {
      assert.deepEqual(readBatchItemFailures(body, batch), { kind: 'all-succeeded' }, `${body}`);
    }
    assert.deepEqual(readBatchItemFailures('{"statusCode":200}', batch), {
      kind: 'all-succeeded',
    });
  });

  it('calls every unreadable answer malformed, saying what is wrong, never a success', () => {
    const cases: Array<[string, RegExp]> = [
      ['not json', /not JSON/],
      ['[1,2]', /a list, not an object/],
      ['"done"', /a string, not an object/],
      ['42', /a number/],
      [response('or-ders@x-3@11'), /"batchItemFailures" is a string, not a list/],
      [response(['or-ders@x-3@11']), /batchItemFailures\[0\] is a string/],
      [response([{ id: 'or-ders@x-3@11' }]), /batchItemFailures\[0\] has no "itemIdentifier"/],
      [response([{ itemIdentifier: '' }]), /an empty itemIdentifier/],
      [response([{ itemIdentifier: null }]), /a null itemIdentifier/],
      [response([{ itemIdentifier: 11 }]), /an itemIdentifier of type a number/],
      [response([{ itemIdentifier: { partition: 3, offset: 11 } }]), /string "partition"/],
      [response([{ itemIdentifier: { partition: 'or-ders@x-3', offset: 1.5 } }]), /integer/],
      [
        response([{ itemIdentifier: 'or-ders@x-3@99' }]),
        /names "or-ders@x-3@99", which is not a record of this batch/,
      ],
      [
        response([{ itemIdentifier: { partition: 'other-3', offset: 11 } }]),
        /not a record of this batch/,
      ],
    ];
    for (const [body, reason] of cases) {
      const read = readBatchItemFailures(body, batch);
      assert.equal(read.kind, 'malformed', body);
      assert.match(read.kind === 'malformed' ? read.reason : '', reason, body);
    }
  });

  it('finds exactly the reported records of any batch, whatever spelling each failure uses', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.nat(50),
        fc.uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 30 }),
        fc.func(fc.constantFrom('sink', 'aws', 'middy')),
        fc.func(fc.boolean()),
        (topic, partition, offsets, spelling, reported) => {
          const records = [...offsets]
            .sort((a, b) => a - b)
            .map((offset) => ({ topic, partition, offset }));
          const failed = records.filter((_, i) => reported(i));
          const identifiers = failed.map((r, i) => {
            switch (spelling(i)) {
              case 'sink':
                return itemIdentifierOf(r);
              case 'aws':
                return { partition: `${topic}-${partition}`, offset: r.offset };
              default:
                return `${topic}-${partition}-${r.offset}`;
            }
          });
          const read = readBatchItemFailures(
            response(identifiers.map((itemIdentifier) => ({ itemIdentifier }))),
            records,
          );
          if (failed.length === 0) assert.deepEqual(read, { kind: 'all-succeeded' });
          else assert.deepEqual(read, { kind: 'failed', records: failed });
        },
      ),
    );
  });
});
