import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConversionError } from './conversion-error';
import { JsonConverter } from './json-converter';
import { MAX_JSON_NESTING_DEPTH } from './json-nesting-depth';

const json = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('JsonConverter without schemas', () => {
  const converter = new JsonConverter(false);

  it('parses an object', () => {
    assert.deepEqual(converter.toConnectData(json('{"a":1,"b":[true,null],"c":"é"}')), {
      a: 1,
      b: [true, null],
      c: 'é',
    });
  });

  it('parses primitives', () => {
    assert.equal(converter.toConnectData(json('42')), 42);
    assert.equal(converter.toConnectData(json('"text"')), 'text');
    assert.equal(converter.toConnectData(json('true')), true);
    assert.equal(converter.toConnectData(json('null')), null);
  });

  it('passes a schema envelope through untouched', () => {
    assert.deepEqual(converter.toConnectData(json('{"schema":null,"payload":1}')), {
      schema: null,
      payload: 1,
    });
  });

  it('converts null and empty bytes to null', () => {
    assert.equal(converter.toConnectData(null), null);
    assert.equal(converter.toConnectData(Buffer.alloc(0)), null);
  });

  it('never quotes the record in the reason', () => {
    for (const text of ['{"password":secret-value-123}', 'secret-value-123', '"secret-value-123']) {
      assert.throws(
        () => converter.toConnectData(json(text)),
        (error: Error) => {
          assert.ok(error instanceof ConversionError);
          assert.doesNotMatch(error.message, /secret/);
          assert.match(error.message, /serialization error: \w/);
          return true;
        },
      );
    }
  });

  it('throws a non-retryable ConversionError on invalid JSON', () => {
    assert.throws(
      () => converter.toConnectData(json('{"a":')),
      (error: unknown) => {
        assert.ok(error instanceof ConversionError);
        assert.equal(error.code, 'CONVERSION_FAILED');
        assert.equal(error.retryable, false);
        assert.equal(error.context.converterClass, 'org.apache.kafka.connect.json.JsonConverter');
        assert.match(error.message, /serialization error/);
        return true;
      },
    );
  });

  it('names the problem and its line and column, and quotes none of the bytes', () => {
    assert.throws(
      () => converter.toConnectData(json('{"name": "x",\n "ssn": 123-45-6789}')),
      (error: unknown) => {
        assert.ok(error instanceof ConversionError);
        assert.match(error.message, /after property value at line 2, column 12$/);
        assert.equal(error.cause, undefined, "V8's SyntaxError quotes the bytes");
        assert.doesNotMatch(`${error.message} ${error.stack}`, /ssn|123-45/);
        return true;
      },
    );
    assert.throws(
      () => converter.toConnectData(json('ssn=123-45-6789')),
      (error: unknown) => {
        assert.ok(error instanceof ConversionError);
        assert.match(error.message, /unexpected token at line 1, column 1$/);
        assert.doesNotMatch(`${error.message} ${error.stack}`, /ssn|123-45/);
        return true;
      },
    );
  });

  it('rejects plain text', () => {
    assert.throws(() => converter.toConnectData(json('hello')), ConversionError);
  });
});

describe('JsonConverter with schemas.enable=true', () => {
  const converter = new JsonConverter(true);

  it('unwraps the envelope and uses the payload', () => {
    const envelope = '{"schema":{"type":"struct","fields":[]},"payload":{"id":7,"name":"x"}}';
    assert.deepEqual(converter.toConnectData(json(envelope)), { id: 7, name: 'x' });
  });

  it('unwraps a primitive or null payload', () => {
    assert.equal(converter.toConnectData(json('{"schema":{"type":"int32"},"payload":5}')), 5);
    assert.equal(converter.toConnectData(json('{"schema":null,"payload":null}')), null);
  });

  it('still converts a null record to null', () => {
    assert.equal(converter.toConnectData(null), null);
  });

  for (const [name, text] of [
    ['plain JSON', '{"id":7}'],
    ['an envelope with extra fields', '{"schema":null,"payload":1,"extra":true}'],
    ['an envelope without schema', '{"payload":1,"other":2}'],
    ['a primitive', '12'],
    ['an array', '[{"schema":null,"payload":1}]'],
  ]) {
    it(`rejects ${name} with Connect's message`, () => {
      assert.throws(
        () => converter.toConnectData(json(text)),
        (error: unknown) =>
          error instanceof ConversionError &&
          error.message.startsWith(
            'JsonConverter with schemas.enable requires "schema" and "payload" fields',
          ),
      );
    });
  }
});

describe('JsonConverter and deeply nested documents', () => {
  const nested = (depth: number) => json('['.repeat(depth) + ']'.repeat(depth));

  it("reads a document as deep as Jackson's default limit", () => {
    let value = new JsonConverter(false).toConnectData(nested(MAX_JSON_NESTING_DEPTH));
    let depth = 0;
    while (Array.isArray(value)) {
      depth++;
      value = value[0];
    }
    assert.equal(depth, MAX_JSON_NESTING_DEPTH);
  });

  it('refuses a deeper one as a conversion error naming the depth, as Connect does', () => {
    for (const depth of [MAX_JSON_NESTING_DEPTH + 1, 5_000, 1_000_000]) {
      assert.throws(
        () => new JsonConverter(false).toConnectData(nested(depth)),
        (error: Error) => {
          assert.ok(error instanceof ConversionError);
          assert.match(
            error.message,
            /nesting depth \(1001\) exceeds the maximum allowed \(1000\)/,
          );
          return true;
        },
      );
    }
  });

  it('counts the schema envelope as a level', () => {
    const inner = '['.repeat(MAX_JSON_NESTING_DEPTH) + ']'.repeat(MAX_JSON_NESTING_DEPTH);
    assert.throws(
      () => new JsonConverter(true).toConnectData(json(`{"schema":null,"payload":${inner}}`)),
      ConversionError,
    );
  });
});
