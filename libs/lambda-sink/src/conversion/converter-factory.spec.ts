import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConverterOptions } from '../config/lambda-sink-options';
import { ByteArrayConverter } from './byte-array-converter';
import { createConverter } from './converter-factory';
import { JsonConverter } from './json-converter';
import { StringConverter } from './string-converter';

describe('createConverter', () => {
  it('builds the converter for each kind', () => {
    assert.ok(createConverter({ kind: 'string', schemasEnable: false }) instanceof StringConverter);
    assert.ok(createConverter({ kind: 'json', schemasEnable: false }) instanceof JsonConverter);
    assert.ok(
      createConverter({ kind: 'bytearray', schemasEnable: false }) instanceof ByteArrayConverter,
    );
  });

  it('passes schemas.enable to the JSON converter', () => {
    const envelope = Buffer.from('{"schema":null,"payload":3}');
    assert.equal(createConverter({ kind: 'json', schemasEnable: true }).toConnectData(envelope), 3);
    assert.deepEqual(
      createConverter({ kind: 'json', schemasEnable: false }).toConnectData(envelope),
      { schema: null, payload: 3 },
    );
  });

  it('fails loudly on an unknown kind', () => {
    const options = { kind: 'avro', schemasEnable: false } as unknown as ConverterOptions;
    assert.throws(() => createConverter(options), /avro/);
  });
});
