import { describeJsonSyntaxError } from '../errors/json-syntax';
import type { Converter } from './converter';
import { ConversionError } from './conversion-error';
import { invalidJson, missingSchemaEnvelope, nestedTooDeep } from './conversion-messages';
import { jsonNestingDepth, MAX_JSON_NESTING_DEPTH } from './json-nesting-depth';

const CONNECT_CLASS = 'org.apache.kafka.connect.json.JsonConverter';

/**
 * Connect's `JsonConverter`: the parsed JSON (primitive, array or object). With
 * `schemas.enable=true` every value must be the `{schema, payload}` envelope and the payload
 * is what the Lambda receives; the schema is not applied (payload values are already JSON).
 */
export class JsonConverter implements Converter {
  readonly connectClass = CONNECT_CLASS;

  constructor(private readonly schemasEnable: boolean) {}

  toConnectData(bytes: Buffer | null): unknown {
    // An empty value carries no JSON document; deliver it like a tombstone instead of failing.
    if (bytes === null || bytes.length === 0) return null;
    const parsed = parseJson(bytes);
    if (!this.schemasEnable) return parsed;
    if (!isSchemaEnvelope(parsed)) {
      throw new ConversionError(missingSchemaEnvelope(), { converterClass: CONNECT_CLASS });
    }
    return parsed.payload;
  }
}

/**
 * JSON as Connect's Jackson-based converters read it: at most 1,000 levels deep, and a reason
 * that never quotes the bytes. Shared with the JSON Schema converter.
 */
export function parseJson(bytes: Buffer, converterClass = CONNECT_CLASS): unknown {
  // Every level opens with a bracket, so a shorter text cannot pass the limit: no scan needed.
  if (bytes.length > MAX_JSON_NESTING_DEPTH) {
    const depth = jsonNestingDepth(bytes);
    if (depth > MAX_JSON_NESTING_DEPTH) {
      throw new ConversionError(invalidJson(nestedTooDeep(depth, MAX_JSON_NESTING_DEPTH)), {
        converterClass,
      });
    }
  }
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    // Neither V8's message nor the SyntaxError as cause: both quote the record's first bytes,
    // and this message reaches logs, the status API and the readiness answer.
    throw new ConversionError(invalidJson(describeJsonSyntaxError(error, text)), {
      converterClass,
    });
  }
}

/** Exactly `schema` and `payload`, nothing else: Connect rejects extra fields too. */
function isSchemaEnvelope(value: unknown): value is { schema: unknown; payload: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && 'schema' in value && 'payload' in value;
}
