import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as avro from 'avsc';
import type { SchemaRegistryOptions } from '../../config/lambda-sink-options';
import type { PrepareControls } from '../converter';
import { ConversionError } from '../conversion-error';
import type { RegisteredSchema, SchemaRegistryClient } from './schema-registry-client';
import { SchemaRegistryConverter } from './schema-registry-converter';
import { SchemaRegistryUnavailableError, SchemaUnusableError } from './schema-registry.errors';

const OPTIONS: SchemaRegistryOptions = {
  urls: ['http://registry.invalid'],
  tls: { keystoreType: 'PEM', verifyHostname: true },
  connectTimeoutMs: 1000,
  readTimeoutMs: 1000,
  cacheCapacity: 100,
  enhancedAvroSchemaSupport: false,
  generateIndexForUnions: true,
};

const userSchema = {
  type: 'record',
  name: 'User',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'name', type: 'string' },
  ],
};

/** A registry in memory: schemas by id, and a script of failures to answer with first. */
class FakeRegistry {
  readonly requests: number[] = [];
  failures: Error[] = [];
  constructor(private readonly schemas: Record<number, RegisteredSchema>) {}

  async schemaById(id: number): Promise<RegisteredSchema> {
    this.requests.push(id);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const schema = this.schemas[id];
    if (!schema) throw new SchemaUnusableError(`Error retrieving schema ID ${id}: not found`);
    return schema;
  }

  async schemaByVersion(): Promise<RegisteredSchema> {
    throw new SchemaUnusableError('no references here');
  }
}

function framed(id: number, data: Buffer): Buffer {
  const header = Buffer.from([0, 0, 0, 0, 0]);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, data]);
}

const userBytes = (id: number, user: object) =>
  framed(id, avro.Type.forSchema(userSchema as avro.Schema).toBuffer(user));

const running: PrepareControls = { shouldStop: () => false, signal: new AbortController().signal };

function converterWith(registry: FakeRegistry, options: Partial<SchemaRegistryOptions> = {}) {
  return new SchemaRegistryConverter(
    'avro',
    { ...OPTIONS, ...options },
    registry as unknown as SchemaRegistryClient,
  );
}

async function conversionErrorOf(
  converter: SchemaRegistryConverter,
  bytes: Buffer,
): Promise<ConversionError> {
  await converter.prepare([bytes], running);
  try {
    converter.toConnectData(bytes);
  } catch (error) {
    assert.ok(error instanceof ConversionError, String(error));
    assert.equal(error.retryable, false);
    assert.equal(error.context.converterClass, 'io.confluent.connect.avro.AvroConverter');
    return error;
  }
  return assert.fail('expected a ConversionError');
}

describe('SchemaRegistryConverter', () => {
  it('fetches each schema id once and reads every record of it', async () => {
    const registry = new FakeRegistry({ 7: { schema: JSON.stringify(userSchema) } });
    const converter = converterWith(registry);
    const records = [userBytes(7, { id: 1, name: 'a' }), userBytes(7, { id: 2, name: 'b' })];
    await converter.prepare(records, running);
    await converter.prepare([...records, null], running);
    assert.deepEqual(registry.requests, [7]);
    assert.deepEqual(
      records.map((r) => converter.toConnectData(r)),
      [
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ],
    );
    assert.equal(converter.toConnectData(null), null);
  });

  it('fetches again what fell out of a full cache', async () => {
    const schema = { schema: JSON.stringify(userSchema) };
    const registry = new FakeRegistry({ 1: schema, 2: schema, 3: schema });
    const converter = converterWith(registry, { cacheCapacity: 1 });
    // Eviction happens before a fetch, so the last run's schemas stay until it is converted.
    for (const id of [1, 2, 3, 1]) {
      const bytes = userBytes(id, { id, name: 'x' });
      await converter.prepare([bytes], running);
      assert.deepEqual(converter.toConnectData(bytes), { id, name: 'x' });
    }
    assert.deepEqual(registry.requests, [1, 2, 3, 1]);
  });

  it('makes a record without the magic byte a data error', async () => {
    const error = await conversionErrorOf(
      converterWith(new FakeRegistry({})),
      Buffer.from('{"plain":"json"}'),
    );
    assert.match(error.message, /^Unknown magic byte!/);
  });

  it('makes an unknown schema id a data error naming the id, asking the registry once', async () => {
    const registry = new FakeRegistry({});
    const converter = converterWith(registry);
    const bytes = userBytes(99, { id: 1, name: 'a' });
    const error = await conversionErrorOf(converter, bytes);
    assert.match(error.message, /schema ID 99: not found/);
    await conversionErrorOf(converter, bytes);
    assert.deepEqual(registry.requests, [99]);
  });

  it('makes a schema of another type, or data that does not match, a data error', async () => {
    const registry = new FakeRegistry({
      3: { schema: '{"type":"object"}', schemaType: 'JSON' },
      4: { schema: JSON.stringify(userSchema) },
    });
    const converter = converterWith(registry);
    const wrongType = await conversionErrorOf(converter, userBytes(3, { id: 1, name: 'a' }));
    assert.match(wrongType.message, /Schema ID 3 is a JSON schema; this converter reads AVRO/);
    const truncated = await conversionErrorOf(converter, framed(4, Buffer.from([0x02])));
    assert.match(truncated.message, /^Error deserializing Avro message for id 4: /);
  });

  it('retries while the registry is unavailable and reads the records once it answers', async () => {
    const registry = new FakeRegistry({ 5: { schema: JSON.stringify(userSchema) } });
    registry.failures = [
      new SchemaRegistryUnavailableError('down'),
      new SchemaRegistryUnavailableError('still down'),
    ];
    const converter = converterWith(registry);
    const bytes = userBytes(5, { id: 1, name: 'a' });
    await converter.prepare([bytes], running);
    assert.deepEqual(registry.requests, [5, 5, 5]);
    assert.deepEqual(converter.toConnectData(bytes), { id: 1, name: 'a' });
  });

  it('gives up waiting when told to stop, leaving the record unread rather than skipped', async () => {
    const registry = new FakeRegistry({ 5: { schema: JSON.stringify(userSchema) } });
    registry.failures = Array.from(
      { length: 10 },
      () => new SchemaRegistryUnavailableError('down'),
    );
    let stop = false;
    setTimeout(() => (stop = true), 300);
    const until = { shouldStop: () => stop, signal: new AbortController().signal };
    await assert.rejects(
      converterWith(registry).prepare([userBytes(5, { id: 1, name: 'a' })], until),
      SchemaRegistryUnavailableError,
    );
  });
});
