import type { ConverterKind, SchemaRegistryFormat } from './lambda-sink-options';

/**
 * The Kafka Connect converter classes the sink understands, by the Java names a migrating
 * user already has in their file. StringConverter is what Connect uses when none is set.
 */
export const CONVERTER_CLASSES: Readonly<Record<ConverterKind, string>> = {
  string: 'org.apache.kafka.connect.storage.StringConverter',
  json: 'org.apache.kafka.connect.json.JsonConverter',
  bytearray: 'org.apache.kafka.connect.converters.ByteArrayConverter',
  avro: 'io.confluent.connect.avro.AvroConverter',
  protobuf: 'io.confluent.connect.protobuf.ProtobufConverter',
  jsonschema: 'io.confluent.connect.json.JsonSchemaConverter',
};

const SCHEMA_REGISTRY_KINDS: readonly ConverterKind[] = ['avro', 'protobuf', 'jsonschema'];

/** True for the converters that read Confluent's wire format and fetch schemas by id. */
export function usesSchemaRegistry(kind: ConverterKind | undefined): kind is SchemaRegistryFormat {
  return kind !== undefined && SCHEMA_REGISTRY_KINDS.includes(kind);
}

/** The converter kind for a Java class name, or undefined for one the sink cannot run. */
export function converterKindOf(className: string): ConverterKind | undefined {
  const entry = Object.entries(CONVERTER_CLASSES).find(([, name]) => name === className);
  return entry?.[0] as ConverterKind | undefined;
}
