import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { fuzzParameters, withinMs } from '../testing/fuzz-parameters';
import { convertedRecord } from './converted-record.fixture';
import { matchResponse } from './response-matcher';
import { buildResultMessages } from './result-messages';

// A function's response is whatever its code returns: any JSON, not JSON at all, empty, huge,
// or almost one of the three shapes the sink matches (SPEC 5). Whatever it is, every record of
// the batch must get exactly one result record carrying its own coordinates — never a throw
// that fails a batch the function already processed.

const batchOf = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.nat({ max: 1_000_000 }))
  .map(([size, first]) => Array.from({ length: size }, (_, i) => convertedRecord(first + i * 2)));

const coordinatesOf = (record: ConvertedRecord, result: unknown) => ({
  payload: { result, topic: record.topic, partition: record.partition, offset: record.offset },
});

/** Nested `depth` levels deep, as arrays or objects, sometimes not closed. */
const deepJson = fc
  .tuple(fc.constantFrom(999, 1000, 1001, 1500, 5000, 200_000), fc.boolean(), fc.boolean())
  .map(([depth, objects, closed]) => {
    const open = objects ? '{"r":' : '[';
    const close = objects ? '}' : ']';
    return open.repeat(depth) + '0' + (closed ? close.repeat(depth) : '');
  });

/** The batch's own coordinates, shuffled, then maybe broken in one way. */
function nearCoordinates(batch: ConvertedRecord[]) {
  return fc
    .tuple(
      fc.shuffledSubarray(batch, { minLength: batch.length, maxLength: batch.length }),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: batch.length, maxLength: batch.length }),
      fc.constantFrom(
        'intact',
        'duplicate',
        'foreign-offset',
        'offset-as-string',
        'no-result',
        'payload-null',
        'one-more',
        'one-less',
      ),
    )
    .map(([order, results, damage]) => {
      const elements: unknown[] = order.map((r, i) => coordinatesOf(r, results[i]));
      const first = elements[0] as ReturnType<typeof coordinatesOf>;
      if (damage === 'duplicate' && elements.length > 1) elements[1] = first;
      if (damage === 'foreign-offset') first.payload.offset = -1;
      if (damage === 'offset-as-string')
        (first.payload as Record<string, unknown>).offset = String(first.payload.offset);
      if (damage === 'no-result') delete (first.payload as Record<string, unknown>).result;
      if (damage === 'payload-null') elements[0] = { payload: null };
      if (damage === 'one-more') elements.push(first);
      if (damage === 'one-less') elements.pop();
      return JSON.stringify(elements);
    });
}

const anyResponse = (batch: ConvertedRecord[]) =>
  fc.oneof(
    fc.constantFrom(undefined, '', '   ', 'null', '[]', '{}', '"', '[', 'true'),
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.jsonValue({ maxDepth: 4 }), {
        minLength: batch.length,
        maxLength: batch.length,
      })
      .map((a) => JSON.stringify(a)),
    nearCoordinates(batch),
    deepJson,
  );

const EXAMPLES: Array<[ConvertedRecord[], string | undefined]> = [
  // Found by this spec: nested 200,000 levels, JSON.parse read it and writing the result
  // records overflowed the stack (RangeError), failing a batch the function had processed.
  [[convertedRecord(1)], '['.repeat(200_000) + ']'.repeat(200_000)],
  [[convertedRecord(1), convertedRecord(2)], '{"r":'.repeat(5000) + '0' + '}'.repeat(5000)],
];

describe('Lambda responses (fuzzed)', () => {
  it('gives every record of the batch one result record with its own coordinates', () => {
    fc.assert(
      fc.property(
        batchOf.chain((batch) => fc.tuple(fc.constant(batch), anyResponse(batch))),
        ([batch, response]) => {
          const match = withinMs(1000, 'matching', () => matchResponse(batch, response));
          assert.equal(match.results.length, batch.length);
          const messages = withinMs(1000, 'result records', () =>
            buildResultMessages(batch, response),
          );
          assert.equal(messages.length, batch.length);
          messages.forEach((message, i) => {
            const written = JSON.parse(String(message.value));
            assert.equal(written.offset, batch[i].offset);
            assert.equal(written.partition, batch[i].partition);
            assert.equal(written.topic, batch[i].topic);
            assert.deepEqual(message.key, batch[i].original.key);
            assert.deepEqual(
              written.value,
              JSON.parse(JSON.stringify(match.results[i] === undefined ? null : match.results[i])),
            );
          });
        },
      ),
      fuzzParameters(1200, {
        examples: EXAMPLES.map((example): [[ConvertedRecord[], string | undefined]] => [example]),
      }),
    );
  });

  it('matches by coordinates exactly when every record is listed once, in any order', () => {
    fc.assert(
      fc.property(
        batchOf.chain((batch) => fc.tuple(fc.constant(batch), nearCoordinates(batch))),
        ([batch, response]) => {
          const elements = JSON.parse(response) as Array<{ payload: Record<string, unknown> }>;
          const offsets = elements.map((e) => e?.payload?.offset);
          const pairsOff =
            elements.length === batch.length &&
            elements.every((e) => e.payload !== null && 'result' in e.payload) &&
            batch.every((r) => offsets.filter((o) => o === r.offset).length === 1);
          const match = matchResponse(batch, response);
          assert.equal(match.rule === 'coordinates', pairsOff, `rule ${match.rule}`);
          if (pairsOff) {
            batch.forEach((record, i) => {
              const own = elements.find((e) => e.payload.offset === record.offset);
              assert.deepEqual(match.results[i], own?.payload.result);
            });
          } else if (elements.length === batch.length) {
            assert.equal(match.rule, 'position');
          } else {
            assert.equal(match.rule, 'whole-response');
          }
        },
      ),
      fuzzParameters(1500),
    );
  });

  it('keeps a huge response whole for every record, in bounded time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1_000_000, 3_000_000),
        fc.constantFrom('json-string', 'text', 'array'),
        (size, kind) => {
          const batch = [convertedRecord(7), convertedRecord(8)];
          const response =
            kind === 'json-string'
              ? JSON.stringify('x'.repeat(size))
              : kind === 'text'
                ? 'not json '.repeat(size / 9)
                : JSON.stringify(Array.from({ length: size / 10 }, (_, i) => i));
          const messages = withinMs(3000, 'a huge response', () =>
            buildResultMessages(batch, response),
          );
          assert.equal(messages.length, 2);
          assert.ok(String(messages[1].value).includes(response), 'the response, whole');
        },
      ),
      fuzzParameters(6),
    );
  });
});
