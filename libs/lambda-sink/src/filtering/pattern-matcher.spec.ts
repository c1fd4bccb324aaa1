import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FieldPattern } from './filter-pattern';
import { compilePattern } from './pattern-compiler';
import { matchesPattern, UNREADABLE } from './pattern-matcher';

/** A pattern that must compile. */
function pattern(json: unknown): FieldPattern {
  const { pattern: compiled, problems } = compilePattern(json, 'pattern');
  assert.deepEqual(problems, []);
  assert.ok(compiled);
  return compiled;
}

const matches = (json: unknown, event: unknown) => matchesPattern(pattern(json), event);

/** Leaf values a JSON record may hold. */
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const fieldName = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s !== '__proto__');

describe('matchesPattern: equality', () => {
  it('matches a field whose value is one of the listed values, and no other', () => {
    fc.assert(
      fc.property(
        fieldName,
        scalar,
        fc.array(scalar, { minLength: 1, maxLength: 4 }),
        (name, v, listed) => {
          const expected = listed.includes(v);
          assert.equal(matches({ value: { [name]: listed } }, { value: { [name]: v } }), expected);
        },
      ),
    );
  });

  it('finds a value at any depth the pattern names', () => {
    fc.assert(
      fc.property(fc.array(fieldName, { minLength: 1, maxLength: 5 }), scalar, (path, v) => {
        const nest = (leaf: unknown) =>
          path.reduceRight<unknown>((inner, k) => ({ [k]: inner }), leaf);
        assert.equal(matches({ value: nest([v]) }, { value: nest(v) }), true);
      }),
    );
  });

  it('matches an array in the record when any element matches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 5 }),
        fc.string({ maxLength: 4 }),
        (tags, wanted) => {
          assert.equal(
            matches({ value: { tags: [wanted] } }, { value: { tags } }),
            tags.includes(wanted),
          );
        },
      ),
    );
  });

  it('needs every named field to match (AND), and any filter (OR is the caller’s)', () => {
    const p = { value: { a: ['x'], b: [1] } };
    assert.equal(matches(p, { value: { a: 'x', b: 1 } }), true);
    assert.equal(matches(p, { value: { a: 'x', b: 2 } }), false);
    assert.equal(matches(p, { value: { a: 'x' } }), false);
  });

  it('tells null, empty and missing apart', () => {
    assert.equal(matches({ value: { a: [null] } }, { value: { a: null } }), true);
    assert.equal(matches({ value: { a: [null] } }, { value: {} }), false);
    assert.equal(matches({ value: { a: [''] } }, { value: { a: '' } }), true);
    assert.equal(matches({ value: { a: [''] } }, { value: { a: null } }), false);
  });

  it('does not match a plain string against a pattern of JSON fields, nor an object against rules', () => {
    assert.equal(matches({ value: { a: ['x'] } }, { value: 'a=x' }), false);
    assert.equal(matches({ value: ['x'] }, { value: { x: 1 } }), false);
  });
});

describe('matchesPattern: operators', () => {
  it('prefix and suffix match strings that start or end with them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (head, tail) => {
        const event = { value: { s: head + tail } };
        assert.equal(matches({ value: { s: [{ prefix: head }] } }, event), true);
        assert.equal(matches({ value: { s: [{ suffix: tail }] } }, event), true);
      }),
    );
    assert.equal(matches({ value: { s: [{ prefix: 'AB' }] } }, { value: { s: 'XAB' } }), false);
    assert.equal(matches({ value: { s: [{ prefix: '1' }] } }, { value: { s: 12 } }), false);
  });

  it('anything-but matches exactly the present strings and numbers equality does not', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 })),
        fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (v, listed) => {
          const event = { value: { f: v } };
          assert.equal(
            matches({ value: { f: [{ 'anything-but': listed }] } }, event),
            !matches({ value: { f: listed } }, event),
          );
        },
      ),
    );
    // The field must be there: anything-but does not match a missing field.
    assert.equal(matches({ value: { f: [{ 'anything-but': ['x'] }] } }, { value: {} }), false);
  });

  it('anything-but a prefix matches strings that do not start with it', () => {
    const p = { value: [{ 'anything-but': { prefix: 'error' } }] };
    assert.equal(matches(p, { value: 'error: disk full' }), false);
    assert.equal(matches(p, { value: 'ok' }), true);
  });

  it('numeric ranges hold exactly for numbers inside them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: -100, max: 99 }),
        fc.integer({ min: 1, max: 50 }),
        (n, low, width) => {
          const high = low + width;
          const p = { value: { n: [{ numeric: ['>', low, '<=', high] }] } };
          assert.equal(matches(p, { value: { n } }), n > low && n <= high);
          assert.equal(matches({ value: { n: [{ numeric: ['=', n] }] } }, { value: { n } }), true);
          // A number written as a string is a string: numeric rules never match it.
          assert.equal(matches(p, { value: { n: String(n) } }), false);
        },
      ),
    );
  });

  it('exists: true for a present leaf, false for a missing field', () => {
    const present = { value: { id: [{ exists: true }] } };
    const missing = { value: { id: [{ exists: false }] } };
    assert.equal(matches(present, { value: { id: 0 } }), true);
    assert.equal(matches(present, { value: { id: null } }), true);
    assert.equal(matches(present, { value: {} }), false);
    assert.equal(matches(missing, { value: {} }), true);
    assert.equal(matches(missing, { value: { id: 'x' } }), false);
    // Exists looks at leaves, as EventBridge's: an object is not one.
    assert.equal(matches(present, { value: { id: { nested: 1 } } }), false);
    // A record without the whole value (a tombstone) has no fields either.
    assert.equal(matches(missing, {}), true);
  });

  it('equals-ignore-case folds case and nothing else', () => {
    const p = { value: { name: [{ 'equals-ignore-case': 'alice' }] } };
    assert.equal(matches(p, { value: { name: 'ALICE' } }), true);
    assert.equal(matches(p, { value: { name: 'alicia' } }), false);
  });

  it('an unreadable field matches no rule, not even exists', () => {
    assert.equal(matches({ value: [{ exists: true }] }, { value: UNREADABLE }), false);
    assert.equal(matches({ value: [{ exists: false }] }, { value: UNREADABLE }), false);
    assert.equal(matches({ value: { a: [{ exists: false }] } }, { value: UNREADABLE }), false);
  });

  it('never throws, whatever JSON the record holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = matches(
          { value: { a: { b: ['x', { numeric: ['>', 0] }, { exists: false }] } } },
          { value },
        );
        assert.equal(typeof result, 'boolean');
      }),
    );
  });
});
