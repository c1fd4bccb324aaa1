import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFilterCriteria } from './filter-criteria';
import { matchesPattern } from './pattern-matcher';

const PATTERN = { value: { device_ID: [{ prefix: 'AB' }] } };
const EVENT = { value: { device_ID: 'AB1234' } };

/** The criteria's patterns, asserting they compiled without problems. */
function patternsOf(text: string) {
  const reading = readFilterCriteria(text);
  assert.deepEqual(reading.problems, []);
  return reading.patterns;
}

describe('readFilterCriteria: the forms AWS shows', () => {
  it('reads the API / CLI FilterCriteria, whose Pattern is JSON text', () => {
    const text = JSON.stringify({ Filters: [{ Pattern: JSON.stringify(PATTERN) }] });
    const [p] = patternsOf(text);
    assert.equal(matchesPattern(p, EVENT), true);
  });

  it('reads {"FilterCriteria": …} as get-event-source-mapping prints it', () => {
    const text = JSON.stringify({
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(PATTERN) }] },
    });
    assert.equal(patternsOf(text).length, 1);
  });

  it('reads one bare pattern, as the console takes it, and a Pattern given as an object', () => {
    assert.equal(patternsOf(JSON.stringify(PATTERN)).length, 1);
    assert.equal(patternsOf(JSON.stringify({ Filters: [{ Pattern: PATTERN }] })).length, 1);
  });

  it('filters nothing for {} and for an empty Filters list', () => {
    assert.deepEqual(patternsOf('{}'), []);
    assert.deepEqual(patternsOf('{"Filters":[]}'), []);
  });

  it('keeps every filter (they are ORed by the caller)', () => {
    const text = JSON.stringify({
      Filters: [{ Pattern: '{"value":["a"]}' }, { Pattern: '{"value":["b"]}' }],
    });
    assert.equal(patternsOf(text).length, 2);
  });
});

describe('readFilterCriteria: problems', () => {
  const problemsOf = (criteria: unknown) =>
    readFilterCriteria(typeof criteria === 'string' ? criteria : JSON.stringify(criteria)).problems;

  it('names every problem at once, each with the filter and the field', () => {
    const problems = problemsOf({
      Filters: [
        { Pattern: '{"value":{"amount":[{"numeric":[">",10,">",20]}]}}' },
        { Pattern: '{"value":{"id":[{"prefixx":"A"}]}, "topic":["t"]}' },
        { Pattern: '{"value": ' },
        { Pattern: '{"value":{"id":[]}}', Other: 1 },
      ],
    });
    assert.deepEqual(problems, [
      'Filters[2].Pattern is not JSON (Unexpected end of JSON input at line 1, column 11)',
      'Filters[3] has an unknown field "Other" (a filter holds only Pattern)',
      'Filters[0].Pattern: value.amount[0]: numeric takes [op, number] or [">"|">=", low, "<"|"<=", high] with op one of =, <, <=, >, >=',
      'Filters[1].Pattern: value.id[0] has an unknown operator "prefixx" (one of prefix, suffix, equals-ignore-case, anything-but, numeric, exists)',
      'Filters[1].Pattern names "topic", but Kafka records are matched on value, key, headers',
      'Filters[3].Pattern: value.id is an empty list of rules (it would never match)',
    ]);
  });

  it('refuses text that is not JSON, and JSON that is not criteria', () => {
    assert.match(problemsOf('Filters=[{Pattern=x}]')[0], /^the value is not JSON/);
    assert.match(problemsOf('[1]')[0], /must be a FilterCriteria object/);
    assert.match(problemsOf({ Filters: {} })[0], /Filters must be an array/);
    assert.match(problemsOf({ Filters: [{}] })[0], /Filters\[0\] has no Pattern/);
  });

  it('refuses rules of the wrong shape, naming the operator', () => {
    const problem = (rule: unknown) => problemsOf({ value: { f: [rule] } })[0];
    assert.match(problem({ prefix: 1 }), /pattern: value\.f\[0\]: prefix takes a string/);
    assert.match(problem({ exists: 'yes' }), /exists takes true or false/);
    assert.match(problem({ 'anything-but': [] }), /anything-but takes/);
    assert.match(problem({ numeric: ['>', 5, '<', 5] }), /numeric range is empty/);
    assert.match(problem({ numeric: ['=', 1, '<', 5] }), /numeric takes/);
    assert.match(problem({ prefix: 'a', suffix: 'b' }), /exactly one operator/);
    assert.match(problem([1]), /must be a string, number/);
    assert.match(problemsOf({ headers: ['x'] })[0], /headers must be an object of header names/);
    assert.match(problemsOf({ headers: { h: { nested: ['x'] } } })[0], /header values are strings/);
    assert.match(problemsOf({ value: 'x' })[0], /must be a list of rules/);
  });

  it('never throws on any JSON, and either compiles or says why not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (json, wrapped) => {
        const text = JSON.stringify(
          wrapped ? { Filters: [{ Pattern: JSON.stringify(json) }] } : json,
        );
        const reading = readFilterCriteria(text);
        if (reading.problems.length > 0) assert.deepEqual(reading.patterns, []);
        for (const problem of reading.problems) assert.equal(typeof problem, 'string');
      }),
    );
  });
});
