import { schemaUnreadable, schemaWrongType } from '../conversion-messages';
import type { RecordReader } from './record-reader';
import type { RegisteredSchema, SchemaRegistryClient } from './schema-registry-client';
import { SchemaUnusableError } from './schema-registry.errors';

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** What a schema id turned out to be: a reader, or the reason no record of it can be read. */
export type StoredSchema = { reader: RecordReader } | { unusable: string };

export type ReaderFactory = (
  schema: RegisteredSchema,
  /** The schemas it references, dependencies first. */
  references: RegisteredSchema[],
  schemaId: number,
) => RecordReader;

// How deep references may nest; deeper is a cycle or a mistake, not a schema.
const MAX_REFERENCE_DEPTH = 32;

/**
 * Schemas by id, fetched once and kept (ids are immutable in a registry); past the capacity
 * (`schemas.cache.config`) the oldest go first. Loading is
 * asynchronous and done ahead of conversion, so converting a record stays synchronous.
 * An id the registry does not know, or a schema that cannot be used, is kept as unusable too:
 * every record with that id is the same data error.
 */
export class SchemaStore {
  private readonly schemas = new Map<number, StoredSchema>();
  private readonly loading = new Map<number, Promise<void>>();

  constructor(
    private readonly client: SchemaRegistryClient,
    private readonly type: SchemaType,
    private readonly createReader: ReaderFactory,
    private readonly capacity: number,
  ) {}

  get(id: number): StoredSchema | undefined {
    return this.schemas.get(id);
  }

  /**
   * Fetches every id not yet known. Concurrent calls for one id share one request.
   * @throws SchemaRegistryUnavailableError when no registry answered (nothing is stored).
   */
  async load(ids: Iterable<number>): Promise<void> {
    // Evicting here, never while storing, keeps every schema of the previous load until its
    // records are converted, whatever the capacity.
    while (this.schemas.size > this.capacity) {
      this.schemas.delete(this.schemas.keys().next().value as number);
    }
    const pending: Promise<void>[] = [];
    for (const id of new Set(ids)) {
      if (this.schemas.has(id)) continue;
      let loading = this.loading.get(id);
      if (loading === undefined) {
        loading = this.fetch(id).finally(() => this.loading.delete(id));
        this.loading.set(id, loading);
      }
      pending.push(loading);
    }
    // Every id settles before the first failure is reported, so a retry refetches only those.
    const results = await Promise.allSettled(pending);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async fetch(id: number): Promise<void> {
    let stored: StoredSchema;
    try {
      const schema = await this.client.schemaById(id);
      stored = this.readerFor(id, schema, await this.references(schema, 0, new Set()));
    } catch (error) {
      if (!(error instanceof SchemaUnusableError)) throw error;
      stored = { unusable: error.message };
    }
    this.schemas.set(id, stored);
  }

  private readerFor(id: number, schema: RegisteredSchema, references: RegisteredSchema[]) {
    const actual = schema.schemaType ?? 'AVRO';
    if (actual !== this.type) return { unusable: schemaWrongType(id, actual, this.type) };
    try {
      return { reader: this.createReader(schema, references, id) };
    } catch (error) {
      return { unusable: schemaUnreadable(id, this.type, (error as Error).message) };
    }
  }

  /** The referenced schemas, each after its own references, each once. */
  private async references(
    schema: RegisteredSchema,
    depth: number,
    seen: Set<string>,
  ): Promise<RegisteredSchema[]> {
    const ordered: RegisteredSchema[] = [];
    for (const reference of schema.references ?? []) {
      const key = `${reference.subject}/${reference.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (depth >= MAX_REFERENCE_DEPTH) {
        throw new SchemaUnusableError(`references nest deeper than ${MAX_REFERENCE_DEPTH}`);
      }
      const referenced = await this.client.schemaByVersion(reference.subject, reference.version);
      ordered.push(...(await this.references(referenced, depth + 1, seen)), referenced);
    }
    return ordered;
  }
}
