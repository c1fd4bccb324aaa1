import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchResponse, matchResults } from './response-matcher';
import { convertedRecord } from './converted-record.fixture';

const batch = [convertedRecord(101), convertedRecord(102), convertedRecord(103)];

const withCoordinates = (offset: number, result: unknown, topic = 'orders', partition = 1) => ({
  payload: { result, topic, partition, offset },
});

describe('matchResponse rule 1: by coordinates', () => {
  it('matches results listed in batch order', () => {
    const response = JSON.stringify([101, 102, 103].map((o) => withCoordinates(o, `r${o}`)));
    assert.deepEqual(matchResponse(batch, response), {
      rule: 'coordinates',
      results: ['r101', 'r102', 'r103'],
    });
  });

  it('matches results listed out of order by their coordinates', () => {
    const response = JSON.stringify([
      withCoordinates(103, { ok: 3 }),
      withCoordinates(101, { ok: 1 }),
      withCoordinates(102, null),
    ]);
    assert.deepEqual(matchResponse(batch, response), {
      rule: 'coordinates',
      results: [{ ok: 1 }, null, { ok: 3 }],
    });
  });

  it('ignores extra fields next to the coordinates', () => {
    const response = JSON.stringify(
      [101, 102, 103].map((o) => ({ payload: { ...withCoordinates(o, o).payload, extra: 1 } })),
    );
    assert.deepEqual(matchResponse(batch, response).results, [101, 102, 103]);
  });
});

describe('matchResponse rule 2: by position', () => {
  it('matches a plain array of the batch length by position', () => {
    assert.deepEqual(matchResponse(batch, '["a", {"b": 2}, null]'), {
      rule: 'position',
      results: ['a', { b: 2 }, null],
    });
  });

  it('falls back to position when coordinates repeat', () => {
    const elements = [
      withCoordinates(101, 'x'),
      withCoordinates(101, 'y'),
      withCoordinates(103, 'z'),
    ];
    const match = matchResponse(batch, JSON.stringify(elements));
    assert.equal(match.rule, 'position');
    assert.deepEqual(match.results, elements);
  });

  it('falls back to position when a coordinate is not in the batch', () => {
    const elements = [
      withCoordinates(101, 'x'),
      withCoordinates(102, 'y'),
      withCoordinates(104, 'z'),
    ];
    assert.equal(matchResponse(batch, JSON.stringify(elements)).rule, 'position');
  });

  it('falls back to position when another topic or partition is named', () => {
    const otherTopic = [
      withCoordinates(101, 1, 'other'),
      withCoordinates(102, 2),
      withCoordinates(103, 3),
    ];
    const otherPartition = [
      withCoordinates(101, 1, 'orders', 2),
      withCoordinates(102, 2),
      withCoordinates(103, 3),
    ];
    assert.equal(matchResponse(batch, JSON.stringify(otherTopic)).rule, 'position');
    assert.equal(matchResponse(batch, JSON.stringify(otherPartition)).rule, 'position');
  });

  it('falls back to position when an element has no result or ill-typed coordinates', () => {
    const noResult = [
      { payload: { topic: 'orders', partition: 1, offset: 101 } },
      withCoordinates(102, 2),
      withCoordinates(103, 3),
    ];
    const stringOffset = [
      withCoordinates(101, 1),
      withCoordinates(102, 2),
      { payload: { result: 3, topic: 'orders', partition: 1, offset: '103' } },
    ];
    assert.equal(matchResponse(batch, JSON.stringify(noResult)).rule, 'position');
    assert.equal(matchResponse(batch, JSON.stringify(stringOffset)).rule, 'position');
  });

  it('treats an echo of the request (no result field) as positional', () => {
    const echo = batch.map((r) => ({
      payload: { topic: r.topic, partition: r.partition, offset: r.offset, key: r.key },
    }));
    assert.deepEqual(matchResponse(batch, JSON.stringify(echo)), {
      rule: 'position',
      results: echo,
    });
  });
});

describe('matchResponse rule 3: the whole response for every record', () => {
  it('uses a parsed object for every record', () => {
    const match = matchResponse(batch, '{"status": "done"}');
    assert.equal(match.rule, 'whole-response');
    assert.deepEqual(match.results, [{ status: 'done' }, { status: 'done' }, { status: 'done' }]);
  });

  it('uses an array of the wrong length whole', () => {
    const match = matchResponse(batch, '[1, 2]');
    assert.deepEqual(match, {
      rule: 'whole-response',
      results: [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
    });
  });

  it('uses a coordinate array missing a record whole', () => {
    const response = [withCoordinates(101, 'a'), withCoordinates(102, 'b')];
    const match = matchResponse(batch, JSON.stringify(response));
    assert.equal(match.rule, 'whole-response');
    assert.deepEqual(match.results[0], response);
  });

  it('uses text that is not JSON as a raw string', () => {
    assert.deepEqual(matchResponse(batch, 'all good'), {
      rule: 'whole-response',
      results: ['all good', 'all good', 'all good'],
    });
  });

  it('uses JSON primitives as parsed', () => {
    assert.deepEqual(matchResults(batch, '"ok"'), ['ok', 'ok', 'ok']);
    assert.deepEqual(matchResults(batch, '42'), [42, 42, 42]);
    assert.deepEqual(matchResults(batch, 'null'), [null, null, null]);
  });

  it('gives null for an empty or missing body', () => {
    for (const body of [undefined, '', '  \n']) {
      assert.deepEqual(matchResponse(batch, body), {
        rule: 'whole-response',
        results: [null, null, null],
      });
    }
  });
});

describe('matchResults', () => {
  it('gives one result per record, in batch order', () => {
    const response = JSON.stringify([
      withCoordinates(102, 'b'),
      withCoordinates(101, 'a'),
      withCoordinates(103, 'c'),
    ]);
    assert.deepEqual(matchResults(batch, response), ['a', 'b', 'c']);
  });

  it('matches a single-record batch', () => {
    const one = [convertedRecord(7)];
    assert.deepEqual(matchResults(one, JSON.stringify([withCoordinates(7, 'r')])), ['r']);
    assert.deepEqual(matchResults(one, '["r"]'), ['r']);
    assert.deepEqual(matchResults(one, '{"r":1}'), [{ r: 1 }]);
  });
});
