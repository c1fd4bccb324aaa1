import { parseJson } from '../json-converter';
import type { RecordReader } from './record-reader';
import type { RegisteredSchema } from './schema-registry-client';

type JsonSchema = boolean | { [keyword: string]: unknown };
type JsonObject = Record<string, unknown>;

const CONNECT_CLASS = 'io.confluent.connect.json.JsonSchemaConverter';

/**
 * Reads JSON Schema data: the JSON after the header, shaped by the schema as
 * JsonSchemaConverter shapes Connect data. Records are not validated against the schema
 * (`json.fail.invalid.schema=false`, the converter's default).
 */
export function jsonSchemaReader(schema: RegisteredSchema): RecordReader {
  const root = JSON.parse(schema.schema) as JsonSchema;
  return {
    read(data: Buffer): unknown {
      return jsonSchemaToConnectJson(root, parseJson(data, CONNECT_CLASS), root);
    },
  };
}

/**
 * The value as the Confluent connector would send it: an object schema's declared properties
 * only (absent ones as null; others dropped, as Connect's Struct has no field for them), arrays
 * item by item, `oneOf`/`anyOf` of null and one schema as that schema. Anything the schema does
 * not pin down (other unions, objects without `properties`, references to other subjects) is
 * passed through as written.
 */
export function jsonSchemaToConnectJson(
  schema: JsonSchema,
  value: unknown,
  root: JsonSchema,
): unknown {
  if (value === undefined || value === null) return null;
  if (typeof schema !== 'object') return value;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = resolveLocal(root, ref);
    return target === undefined ? value : jsonSchemaToConnectJson(target, value, root);
  }
  const union = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) {
    const members = union.filter((member) => !isNullSchema(member));
    return members.length === 1 ? jsonSchemaToConnectJson(members[0], value, root) : value;
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (isObject(value) && properties !== undefined && typeof properties === 'object') {
    const out: JsonObject = {};
    for (const [name, property] of Object.entries(properties)) {
      out[name] = jsonSchemaToConnectJson(property, value[name], root);
    }
    return out;
  }
  const additional = schema.additionalProperties;
  if (isObject(value) && typeof additional === 'object' && additional !== null) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = jsonSchemaToConnectJson(additional as JsonSchema, item, root);
    }
    return out;
  }
  const items = schema.items;
  if (
    Array.isArray(value) &&
    typeof items === 'object' &&
    items !== null &&
    !Array.isArray(items)
  ) {
    return value.map((item) => jsonSchemaToConnectJson(items as JsonSchema, item, root));
  }
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullSchema(schema: JsonSchema): boolean {
  return typeof schema === 'object' && schema.type === 'null';
}

/** `#/definitions/X`, `#/$defs/X` (JSON Pointer into this schema); undefined for others. */
function resolveLocal(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref
    .slice(1)
    .split('/')
    .filter((part) => part !== '')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return typeof node === 'object' || typeof node === 'boolean' ? (node as JsonSchema) : undefined;
}
