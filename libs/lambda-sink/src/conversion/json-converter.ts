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

function parseJson(bytes: Buffer): unknown {
  // Every level opens with a bracket, so a shorter text cannot pass the limit: no scan needed.
  if (bytes.length > MAX_JSON_NESTING_DEPTH) {
    const depth = jsonNestingDepth(bytes);
    if (depth > MAX_JSON_NESTING_DEPTH) {
      throw new ConversionError(invalidJson(nestedTooDeep(depth, MAX_JSON_NESTING_DEPTH)), {
        converterClass: CONNECT_CLASS,
      });
    }
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ConversionError(
      invalidJson(parseFailureReason(error)),
      { converterClass: CONNECT_CLASS },
      { cause: error },
    );
  }
}

// V8 quotes the start of the text it could not parse: `Unexpected token 's', "{"a":secret-pas"...
// is not valid JSON`. The reason ends up in logs, the status API and DLQ headers, which must
// never show record content, so the quoted parts go; V8's other messages name only a position.
const QUOTES_THE_RECORD = /^Unexpected token .*is not valid JSON$|^".*" is not valid JSON$/s;

function parseFailureReason(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return QUOTES_THE_RECORD.test(reason) ? 'Unexpected token: not valid JSON' : reason;
}

/** Exactly `schema` and `payload`, nothing else: Connect rejects extra fields too. */
function isSchemaEnvelope(value: unknown): value is { schema: unknown; payload: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && 'schema' in value && 'payload' in value;
}
