import * as protobuf from 'protobufjs';
import { FileDescriptorProto, type IFileDescriptorProto } from 'protobufjs/ext/descriptor';
import type { RegisteredSchema } from './schema-registry-client';

/**
 * Well-known files that Confluent's serializers never register as references because every
 * registry knows them. protobufjs ships google/protobuf/*; the few others Connect maps to
 * logical types are defined here as they are published.
 */
const EXTRA_WELL_KNOWN: Readonly<Record<string, string>> = {
  'google/type/date.proto':
    'syntax = "proto3"; package google.type; message Date { int32 year = 1; int32 month = 2; int32 day = 3; }',
  'google/type/timeofday.proto':
    'syntax = "proto3"; package google.type; message TimeOfDay { int32 hours = 1; int32 minutes = 2; int32 seconds = 3; int32 nanos = 4; }',
  'confluent/type/decimal.proto':
    'syntax = "proto3"; package confluent.type; message Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }',
  'confluent/meta.proto':
    'syntax = "proto3"; package confluent; message Meta { string doc = 1; map<string, string> params = 2; repeated string tags = 3; }',
};

/** A Protobuf schema file with its imports, ready to decode any of its messages. */
export interface ProtobufFile {
  root: protobuf.Root;
  /** The file's top-level messages in declaration order (message index 0, 1, …). */
  messages: protobuf.Type[];
}

interface FileSource {
  imports: string[];
  /** Full names of the top-level messages, in declaration order. */
  messageNames: string[];
  /** Set for a base64 FileDescriptorProto; undefined for `.proto` text. */
  descriptor?: IFileDescriptorProto;
  text?: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A schema as text (`.proto`, what Confluent's registry returns) or as a base64
 * FileDescriptorProto (what some clients register and some registries return as stored).
 */
function sourceOf(text: string): FileSource {
  const trimmed = text.trim();
  if (BASE64.test(trimmed)) {
    const descriptor = FileDescriptorProto.decode(
      Buffer.from(trimmed, 'base64'),
    ) as unknown as IFileDescriptorProto;
    const pkg = descriptor.package ?? '';
    return {
      imports: descriptor.dependency ?? [],
      messageNames: (descriptor.messageType ?? []).map((m: { name?: string | null }) =>
        pkg ? `${pkg}.${m.name}` : `${m.name}`,
      ),
      descriptor,
    };
  }
  // Parsed alone to learn the declaration order; parsed again into the shared root later.
  const alone = protobuf.parse(text, new protobuf.Root(), { keepCase: true });
  const pkg = alone.package ?? '';
  const scope = pkg ? alone.root.lookup(pkg) : alone.root;
  const types = scope instanceof protobuf.Namespace ? scope.nestedArray : [];
  return {
    imports: alone.imports ?? [],
    messageNames: types.filter((t) => t instanceof protobuf.Type).map((t) => t.fullName.slice(1)),
    text,
  };
}

/** The well-known files a set of sources imports, and what they import, each once. */
function wellKnownRoot(sources: readonly FileSource[]): protobuf.Root {
  const root = new protobuf.Root();
  const added = new Set<string>();
  const add = (name: string) => {
    if (added.has(name)) return;
    added.add(name);
    const common = protobuf.common.get(name) as protobuf.INamespace | undefined;
    if (common?.nested) root.addJSON(common.nested);
    else if (EXTRA_WELL_KNOWN[name] !== undefined) {
      protobuf.parse(EXTRA_WELL_KNOWN[name], root, { keepCase: true });
    }
  };
  for (const source of sources) source.imports.forEach(add);
  return root;
}

/**
 * Builds the schema's file with its references (in dependency order) and the well-known files
 * it imports into one protobufjs root.
 */
export function protobufFile(
  schema: RegisteredSchema,
  references: readonly RegisteredSchema[],
): ProtobufFile {
  const sources = [...references, schema].map((s) => sourceOf(s.schema));
  let root = wellKnownRoot(sources);
  if (sources.every((source) => source.descriptor !== undefined)) {
    // protobufjs resolves a descriptor set at once, so the well-known files join it as descriptors.
    const wellKnown = root.nestedArray.length ? root.toDescriptor('proto3').file : [];
    const files = [...wellKnown, ...sources.map((source) => source.descriptor!)];
    root = protobuf.Root.fromDescriptor({ file: files }, { keepCase: true });
  } else {
    for (const source of sources) {
      if (source.text !== undefined) protobuf.parse(source.text, root, { keepCase: true });
    }
    root.resolveAll();
  }
  const main = sources[sources.length - 1];
  return { root, messages: main.messageNames.map((name) => root.lookupType(name)) };
}

/** The message at Confluent's message indexes: top-level index, then nested indexes. */
export function messageAt(
  file: ProtobufFile,
  indexes: readonly number[],
): protobuf.Type | undefined {
  let type = file.messages[indexes[0]];
  for (const index of indexes.slice(1)) {
    if (type === undefined) return undefined;
    type = nestedMessages(type)[index];
  }
  return type;
}

function nestedMessages(type: protobuf.Type): protobuf.Type[] {
  return type.nestedArray.filter(
    (nested): nested is protobuf.Type => nested instanceof protobuf.Type,
  );
}
