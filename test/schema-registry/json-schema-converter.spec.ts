import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { schemaRegistryOptions } from '../../libs/lambda-sink/src/testing';
import type { PrepareControls } from '../../libs/lambda-sink/src/testing';
import { SchemaRegistryConverter } from '../../libs/lambda-sink/src/testing';
import { uniqueName } from '../support/kafka';
import { jsonSchemaBytes, registryUrl } from '../support/schema-registry';

const running: PrepareControls = { shouldStop: () => false, signal: new AbortController().signal };

const converter = () =>
  new SchemaRegistryConverter(
    'jsonschema',
    schemaRegistryOptions(
      { 'value.converter.schema.registry.url': registryUrl },
      'value.converter.',
    ),
  );

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    note: { oneOf: [{ type: 'null' }, { type: 'string' }] },
    price: { type: 'number' },
    tags: { type: 'array', items: { $ref: '#/definitions/Tag' } },
    attributes: { type: 'object', additionalProperties: { type: 'integer' } },
  },
  definitions: {
    Tag: { type: 'object', properties: { label: { type: 'string' } } },
  },
};

describe('JsonSchemaConverter against a real Schema Registry', () => {
  it("shapes the JSON by the schema's declared properties, as Connect's Struct does", async () => {
    const bytes = await jsonSchemaBytes(uniqueName('json'), schema, {
      id: 7,
      name: 'n',
      price: 1.5,
      tags: [{ label: 'a', colour: 'red' }],
      attributes: { size: 3 },
      undeclared: 'dropped',
    });
    const sink = converter();
    await sink.prepare([bytes], running);
    assert.deepEqual(sink.toConnectData(bytes), {
      id: 7,
      name: 'n',
      note: null,
      price: 1.5,
      tags: [{ label: 'a' }],
      attributes: { size: 3 },
    });
  });
});
