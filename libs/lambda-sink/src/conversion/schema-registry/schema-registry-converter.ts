import type { SchemaRegistryFormat, SchemaRegistryOptions } from '../../config/lambda-sink-options';
import { CONVERTER_CLASSES } from '../../config/converter-classes';
import type { Converter, PrepareControls } from '../converter';
import { ConversionError } from '../conversion-error';
import { recordUnreadable, unknownMagicByte } from '../conversion-messages';
import { avroReader } from './avro-reader';
import { jsonSchemaReader } from './json-schema-reader';
import { protobufReader } from './protobuf-reader';
import { retryWhileUnavailable } from './registry-retry';
import { SchemaRegistryClient } from './schema-registry-client';
import { SchemaStore, type ReaderFactory, type SchemaType } from './schema-store';
import { readFraming, schemaIdOf } from './wire-format';

const FORMATS: Readonly<Record<SchemaRegistryFormat, { type: SchemaType; name: string }>> = {
  avro: { type: 'AVRO', name: 'Avro' },
  protobuf: { type: 'PROTOBUF', name: 'Protobuf' },
  jsonschema: { type: 'JSON', name: 'JSON Schema' },
};

function readerFactory(
  format: SchemaRegistryFormat,
  options: SchemaRegistryOptions,
): ReaderFactory {
  switch (format) {
    case 'avro':
      return (schema, references, id) =>
        avroReader(
          schema,
          references,
          {
            enhancedSchemaSupport: options.enhancedAvroSchemaSupport,
          },
          id,
        );
    case 'protobuf':
      return (schema, references) =>
        protobufReader(schema, references, {
          generateIndexForUnions: options.generateIndexForUnions,
        });
    case 'jsonschema':
      return (schema) => jsonSchemaReader(schema);
  }
}

/**
 * Confluent's AvroConverter, ProtobufConverter and JsonSchemaConverter: each record carries its
 * schema id (wire format), the schema is fetched from the registry once and kept, and the data
 * becomes the JSON Connect's JsonConverter would write for the Connect data these converters
 * produce. A record without the magic byte, or whose schema id the registry does not know, is a
 * data error (errors.tolerance); a registry that cannot be reached is retried in `prepare`.
 */
export class SchemaRegistryConverter implements Converter {
  readonly connectClass: string;
  private readonly store: SchemaStore;
  private readonly formatName: string;

  constructor(
    format: SchemaRegistryFormat,
    options: SchemaRegistryOptions,
    client = new SchemaRegistryClient(options),
  ) {
    this.connectClass = CONVERTER_CLASSES[format];
    this.formatName = FORMATS[format].name;
    this.store = new SchemaStore(
      client,
      FORMATS[format].type,
      readerFactory(format, options),
      options.cacheCapacity,
    );
  }

  async prepare(parts: readonly (Buffer | null)[], until: PrepareControls): Promise<void> {
    const ids = parts.map(schemaIdOf).filter((id): id is number => id !== undefined);
    if (ids.every((id) => this.store.get(id) !== undefined)) return;
    await retryWhileUnavailable(() => this.store.load(ids), until);
  }

  toConnectData(bytes: Buffer | null): unknown {
    if (bytes === null) return null;
    const framed = readFraming(bytes);
    if (framed === undefined) this.fail(unknownMagicByte());
    const stored = this.store.get(framed.schemaId);
    // prepare() ran for this record's run; missing means a caller skipped it.
    if (stored === undefined) throw new Error(`schema ${framed.schemaId} was not prepared`);
    if ('unusable' in stored) this.fail(stored.unusable);
    try {
      return stored.reader.read(framed.data);
    } catch (error) {
      if (error instanceof ConversionError) throw error;
      this.fail(recordUnreadable(framed.schemaId, this.formatName, (error as Error).message));
    }
  }

  private fail(reason: string): never {
    throw new ConversionError(reason, { converterClass: this.connectClass });
  }
}
