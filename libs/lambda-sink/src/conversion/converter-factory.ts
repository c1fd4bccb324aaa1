import type { ConverterOptions } from '../config/lambda-sink-options';
import type { Converter } from './converter';
import { ByteArrayConverter } from './byte-array-converter';
import { unknownConverterKind } from './conversion-messages';
import { JsonConverter } from './json-converter';
import { SchemaRegistryConverter } from './schema-registry/schema-registry-converter';
import { StringConverter } from './string-converter';

/** The converter for a `key.converter` / `value.converter` setting. */
export function createConverter(options: ConverterOptions): Converter {
  switch (options.kind) {
    case 'string':
      return new StringConverter();
    case 'json':
      return new JsonConverter(options.schemasEnable);
    case 'bytearray':
      return new ByteArrayConverter();
    case 'avro':
    case 'protobuf':
    case 'jsonschema':
      if (!options.schemaRegistry) throw new TypeError(unknownConverterKind(options.kind));
      return new SchemaRegistryConverter(options.kind, options.schemaRegistry);
    default: {
      // Unreachable after config validation; fails loudly if a new kind is added but not built.
      const kind: never = options.kind;
      throw new TypeError(unknownConverterKind(String(kind)));
    }
  }
}
