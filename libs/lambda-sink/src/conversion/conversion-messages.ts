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
