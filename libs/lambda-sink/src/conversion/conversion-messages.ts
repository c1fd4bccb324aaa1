/**
 * The converters' own failure reasons. Wording follows Kafka Connect where a migrating user
 * will search for it; the record-level message around them is in `errors/messages.ts`.
 */
export const invalidJson = (reason: string): string =>
  `Converting byte[] to Kafka Connect data failed due to serialization error: ${reason}`;

// Jackson's wording (Connect's JsonConverter parses with Jackson); `depth` is where it stopped counting.
export const nestedTooDeep = (depth: number, max: number): string =>
  `Document nesting depth (${depth}) exceeds the maximum allowed (${max})`;

// Connect's own wording, so a user who hit it under Connect recognises it here.
export const missingSchemaEnvelope = (): string =>
  'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain ' +
  'additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false ' +
  'in your converter configuration.';

export const unknownConverterKind = (kind: string): string =>
  `No converter for kind "${kind}" (expected string, json or bytearray)`;

// The Schema Registry converters. Wording follows Confluent's deserializers where one exists.
export const unknownMagicByte = (): string =>
  'Unknown magic byte! The bytes are not in the Schema Registry wire format ' +
  '(magic byte 0 and a 4-byte schema id); check the producer uses a Schema Registry serializer';
export const schemaNotFound = (id: number, detail: string): string =>
  `Error retrieving schema ID ${id}: not found in the Schema Registry (${detail})`;
export const schemaRefused = (id: number, status: number, detail: string): string =>
  `Error retrieving schema ID ${id}: the Schema Registry answered ${status} (${detail})`;
export const schemaUnreadable = (id: number, format: string, reason: string): string =>
  `Schema ID ${id} is not a readable ${format} schema: ${reason}`;
export const schemaWrongType = (id: number, actual: string, expected: string): string =>
  `Schema ID ${id} is a ${actual} schema; this converter reads ${expected}`;
export const registryUnreachable = (what: string, reasons: readonly string[]): string =>
  `the Schema Registry could not be reached for ${what} (${reasons.join('; ')})`;
export const registryRetrying = (attempt: number, delayMs: number, reason: string): string =>
  `Schema Registry attempt ${attempt} failed, next in ${delayMs} ms: ${reason}`;
export const recordUnreadable = (id: number, format: string, reason: string): string =>
  `Error deserializing ${format} message for id ${id}: ${reason}`;
export const messageIndexesInvalid = (): string =>
  'the Protobuf message indexes after the schema id are malformed';
export const messageIndexesUnknown = (indexes: readonly number[]): string =>
  `no message at indexes [${indexes.join(', ')}] in the schema`;
