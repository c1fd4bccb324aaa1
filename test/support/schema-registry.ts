import {
  create,
  createFileRegistry,
  createMutableRegistry,
  type DescMessage,
} from '@bufbuild/protobuf';
import {
  FileDescriptorProtoSchema,
  file_google_protobuf_timestamp,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';
import {
  AvroSerializer,
  JsonSerializer,
  ProtobufSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';

/**
 * Test data written by Confluent's own JavaScript serializers (@confluentinc/schemaregistry)
 * against the real registry the test runner started (scripts/schema-registry): the bytes a
 * producer in production would write, not bytes built by hand.
 */
export const registryUrl =
  process.env.SCHEMA_REGISTRY_URL ??
  `http://127.0.0.1:${process.env.SCHEMA_REGISTRY_PORT ?? 8081}/apis/ccompat/v7`;

const client = new SchemaRegistryClient({ baseURLs: [registryUrl] });

// @confluentinc/schemaregistry has been seen to hang after a failed call; a step that does
// not finish fails the test instead of the whole run.
function inTime<T>(step: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([step, timeout]).finally(() => clearTimeout(timer));
}

const serdeType = (part: 'key' | 'value') => (part === 'key' ? SerdeType.KEY : SerdeType.VALUE);

/**
 * Registers `schema` under `<topic>-<part>` and serializes `value` with it. Unions are given
 * wrapped (`{"int": 3}`), so a test says which branch it means.
 */
export async function avroBytes(
  topic: string,
  schema: object | string,
  value: unknown,
  part: 'key' | 'value' = 'value',
): Promise<Buffer> {
  const text = typeof schema === 'string' ? schema : JSON.stringify(schema);
  await inTime(
    client.register(`${topic}-${part}`, { schemaType: 'AVRO', schema: text }),
    'register',
  );
  return avroBytesOfLatest(topic, value, part);
}

/** Serializes `value` with the latest schema of `<topic>-<part>` (registered beforehand). */
export function avroBytesOfLatest(
  topic: string,
  value: unknown,
  part: 'key' | 'value' = 'value',
): Promise<Buffer> {
  const config = { useLatestVersion: true, wrapUnions: true } as { useLatestVersion: boolean };
  const serializer = new AvroSerializer(client, serdeType(part), config);
  return inTime(serializer.serialize(topic, value), 'Avro serialize');
}

export async function jsonSchemaBytes(
  topic: string,
  schema: object,
  value: unknown,
  part: 'key' | 'value' = 'value',
): Promise<Buffer> {
  const info = { schemaType: 'JSON', schema: JSON.stringify(schema) };
  await inTime(client.register(`${topic}-${part}`, info), 'register');
  const serializer = new JsonSerializer(client, serdeType(part), { useLatestVersion: true });
  return inTime(serializer.serialize(topic, value), 'JSON Schema serialize');
}

/** Serializes a message of a file built with `protoFile`, registering the file on first use. */
export async function protobufBytes(
  topic: string,
  file: FileDescriptorProto,
  typeName: string,
  init: Record<string, unknown>,
  part: 'key' | 'value' = 'value',
): Promise<Buffer> {
  const files = createFileRegistry(file, (name) =>
    name === 'google/protobuf/timestamp.proto' ? file_google_protobuf_timestamp : undefined,
  );
  const registry = createMutableRegistry(...files);
  const serializer = new ProtobufSerializer(client, serdeType(part), {
    autoRegisterSchemas: true,
    registry,
  });
  const desc = registry.getMessage(typeName) as DescMessage;
  return inTime(serializer.serialize(topic, create(desc, init)), 'Protobuf serialize');
}

/** Field types of descriptor.proto, by name. */
export const T = {
  double: 1,
  float: 2,
  int64: 3,
  uint64: 4,
  int32: 5,
  bool: 8,
  string: 9,
  message: 11,
  bytes: 12,
  uint32: 13,
  enum: 14,
  sint64: 18,
} as const;

/** A field of a proto3 message: optional label unless `repeated`. */
export function protoField(
  name: string,
  number: number,
  type: number,
  extra: {
    repeated?: boolean;
    typeName?: string;
    oneofIndex?: number;
    proto3Optional?: boolean;
  } = {},
) {
  return {
    name,
    number,
    jsonName: name,
    label: extra.repeated ? 3 : 1,
    type,
    ...(extra.typeName !== undefined && { typeName: extra.typeName }),
    ...(extra.oneofIndex !== undefined && { oneofIndex: extra.oneofIndex }),
    ...(extra.proto3Optional && { proto3Optional: true }),
  };
}

/** A proto3 file descriptor, the shape protoc would hand a serializer. */
export function protoFile(init: Record<string, unknown>): FileDescriptorProto {
  return create(FileDescriptorProtoSchema, { syntax: 'proto3', ...init });
}
