import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { LambdaSinkEngine, REST_LIMITS } from '../../../libs/lambda-sink/src';
import { fuzzParameters, minimalProperties } from '../../../libs/lambda-sink/src/testing';
import { bootstrapService } from './bootstrap';

// The service's HTTP surface, exactly as `npm start` builds it (body parser, its error answers,
// guards, pipes, controllers, the operations behind them), driven with random methods, paths,
// queries, headers and bodies. Only the engine's Kafka side is replaced by an in-memory one, so
// that start/stop/offset changes answer at once. Whatever arrives: no 5xx with a stack, no
// secret, an answer within a bound, and a service that still answers afterwards.

const SECRET = 'Rest-SECRET-5e1b';
const NAME = 'orders-sink';
const PROPERTIES = minimalProperties({
  name: NAME,
  'bootstrap.servers': '127.0.0.1:1',
  'aws.lambda.validate': 'false',
  'aws.access.key.id': 'AKIAFUZZ',
  'aws.secret.access.key': SECRET,
  'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${SECRET}";`,
  'security.protocol': 'SASL_PLAINTEXT',
  'sasl.mechanism': 'PLAIN',
  listeners: 'http://127.0.0.1:0',
});

type EngineMethods = Pick<
  LambdaSinkEngine,
  | 'start'
  | 'stop'
  | 'committedOffsets'
  | 'alterCommittedOffsets'
  | 'deleteCommittedOffsets'
  | 'resumePartition'
>;

/** The engine's Kafka side in memory: the offsets a stopped sink's group would hold. */
const inMemoryEngine: EngineMethods = {
  async start() {},
  async stop() {},
  async committedOffsets() {
    return [{ topic: 'orders', partition: 0, offset: 42 }];
  },
  async alterCommittedOffsets() {},
  async deleteCommittedOffsets() {},
  resumePartition: (topic: string, partition: number) => topic === 'orders' && partition === 0,
};

const segment = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'connectors',
      NAME,
      'status',
      'config',
      'pause',
      'resume',
      'stop',
      'restart',
      'offsets',
      'partitions',
      'tasks',
      'orders',
      '0',
      '-1',
      '99999999999999999999',
      'health',
      'live',
      'ready',
      'metrics',
      'ui',
      'state',
      'app.js',
      'style.css',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('..', '.', '%00', '%ZZ', '%2F', '%25', '~', '%E2%82', ''),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }).map(encodeURIComponent) },
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?expand=status&expand=info',
    '?expand=',
    '?includeTasks=true&onlyFailed=maybe',
    '?onlyFailed=TRUE',
    '?includeTasks[]=x',
    '?a[b][c]=d',
    '?%ZZ=1',
  ),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
    .map((q) => '?' + new URLSearchParams(q).toString()),
);
const name = fc.oneof(
  { weight: 4, arbitrary: fc.constant(NAME) },
  { weight: 1, arbitrary: segment },
);
const partition = fc.oneof(
  fc.constantFrom('0', '1', '-1', 'x', '1e3', '99999999999999999999'),
  segment,
);
/** Every route of the service with its method; the offsets change is weighted up, as it reads a body. */
const endpoint = fc.oneof(
  fc.constantFrom(
    ['GET', '/'],
    ['GET', '/health/live'],
    ['GET', '/health/ready'],
    ['GET', '/metrics'],
    ['GET', '/ui/state'],
    ['GET', '/ui/app.js'],
    ['GET', '/connectors'],
  ),
  fc
    .tuple(
      name,
      fc.constantFrom(
        ['GET', ''],
        ['GET', '/status'],
        ['GET', '/config'],
        ['GET', '/tasks'],
        ['PUT', '/pause'],
        ['PUT', '/resume'],
        ['PUT', '/stop'],
        ['PUT', '/stop'],
        ['POST', '/restart'],
        ['GET', '/offsets'],
        ['PATCH', '/offsets'],
        ['PATCH', '/offsets'],
        ['PATCH', '/offsets'],
        ['DELETE', '/offsets'],
      ),
    )
    .map(([n, [m, tail]]) => [m, `/connectors/${n}${tail}`]),
  fc
    .tuple(name, fc.oneof(fc.constant('orders'), segment), partition)
    .map(([n, topic, p]) => ['PUT', `/connectors/${n}/partitions/${topic}/${p}/resume`]),
);
const anyMethod = fc.constantFrom('GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');
/** A route with its own method mostly, another method sometimes, or a path of random segments. */
const target = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: endpoint },
      { weight: 1, arbitrary: fc.tuple(anyMethod, endpoint).map(([m, [, p]]) => [m, p]) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(anyMethod, fc.array(segment, { maxLength: 6 }))
          .map(([m, s]) => [m, '/' + s.join('/')]),
      },
    ),
    query,
  )
  .map(([[m, where], q]) => ({ method: m, path: where + q }));

const offsetsBody = fc.record(
  {
    offsets: fc.array(
      fc.record(
        {
          partition: fc.record(
            {
              kafka_topic: fc.oneof(
                fc.constant('orders'),
                fc.string({ maxLength: 10 }),
                fc.jsonValue(),
              ),
              kafka_partition: fc.oneof(
                fc.integer({ min: -2, max: 3 }),
                fc.double(),
                fc.jsonValue(),
              ),
            },
            { requiredKeys: [] },
          ),
          offset: fc.oneof(
            fc.constant(null),
            fc.record({ kafka_offset: fc.oneof(fc.nat(), fc.integer(), fc.jsonValue()) }),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.json().map((t) => ({ text: t, type: 'application/json' })) },
  {
    weight: 3,
    arbitrary: offsetsBody.map((b) => ({ text: JSON.stringify(b), type: 'application/json' })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 60 }).map((t) => ({ text: t, type: 'application/json' })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 60 }).map((t) => ({ text: t, type: 'text/plain' })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { text: '{"a":"' + 'x'.repeat(REST_LIMITS.bodyBytes) + '"}', type: 'application/json' },
      { text: '{}', type: 'application/json; charset=utf-16' },
      { text: '{}', type: 'application/json', encoding: 'gzip' },
      { text: '['.repeat(5000), type: 'application/json' },
    ),
  },
);
const authorization = fc.option(
  fc.oneof(
    fc.constant(`Basic ${Buffer.from('admin:' + SECRET).toString('base64')}`),
    fc.constant('Bearer x'),
    fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  ),
  { nil: undefined },
);

/** Connect's offsets body as KIP-875 defines it, checked independently of the service's parser. */
function isValidOffsetsChange(body: unknown): boolean {
  const object = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (!object(body) || !Array.isArray(body.offsets) || body.offsets.length === 0) return false;
  return body.offsets.every(
    (entry: unknown) =>
      object(entry) &&
      object(entry.partition) &&
      typeof entry.partition.kafka_topic === 'string' &&
      /^[a-zA-Z0-9._-]{1,249}$/.test(entry.partition.kafka_topic) &&
      count(entry.partition.kafka_partition) &&
      (entry.offset === null || (object(entry.offset) && count(entry.offset.kafka_offset))),
  );
}

interface Answer {
  status: number;
  text: string;
}

function send(
  port: number,
  m: string,
  where: string,
  payload: { text: string; type: string; encoding?: string } | undefined,
  auth: string | undefined,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: m,
        path: where,
        headers: {
          ...(payload ? { 'Content-Type': payload.type } : {}),
          ...(payload?.encoding ? { 'Content-Encoding': payload.encoding } : {}),
          ...(auth !== undefined ? { Authorization: auth } : {}),
        },
        timeout: 5000,
        // A fresh connection each time: one the server closed after refusing a body is not reused.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within 5 s: ${m} ${where}`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may answer a refused body before reading it all, then close.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: 0, text: '' });
      else reject(error);
    });
    req.end(payload?.text);
  });
}

describe('the REST API (fuzzed requests on the service app)', () => {
  let app: INestApplication;
  let port: number;
  const saved: Partial<EngineMethods> = {};
  const logLevel = process.env.LOG_LEVEL;

  before(async () => {
    for (const name of Object.keys(inMemoryEngine) as Array<keyof EngineMethods>) {
      saved[name] = LambdaSinkEngine.prototype[name] as never;
      (LambdaSinkEngine.prototype as unknown as Record<string, unknown>)[name] =
        inMemoryEngine[name];
    }
    // Thousands of refused requests would be thousands of log lines; what they answer is checked.
    process.env.LOG_LEVEL = 'silent';
    app = await bootstrapService(PROPERTIES, { port: 0, jsonLogs: true });
    port = Number(new URL(await app.getUrl()).port);
  });

  after(async () => {
    await app?.close();
    Object.assign(LambdaSinkEngine.prototype, saved);
    if (logLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = logLevel;
  });

  it('answers any request without a server error, a stack or a secret', async () => {
    await fc.assert(
      fc.asyncProperty(target, body, authorization, async ({ method: m, path }, payload, auth) => {
        const answer = await send(port, m, path, payload, auth);
        if (answer.status === 0) return; // refused before the body was read, connection closed
        const readiness = path.startsWith('/health/ready') && answer.status === 503;
        assert.ok(
          answer.status < 500 || readiness,
          `${m} ${path}: ${answer.status} ${answer.text.slice(0, 300)}`,
        );
        assert.ok(!answer.text.includes(SECRET), `${m} ${path} answered a secret`);
        assert.doesNotMatch(
          answer.text,
          /\n\s+at .+\(.+:\d+:\d+\)/,
          `${m} ${path} answered a stack`,
        );
        assert.doesNotMatch(
          answer.text,
          /node_modules|\.ts:\d+|\.js:\d+/,
          `${m} ${path} answered a source location`,
        );
      }),
      fuzzParameters(400),
    );
    const live = await send(port, 'GET', '/health/live', undefined, undefined);
    assert.equal(
      live.status,
      200,
      `the service still answers: ${JSON.stringify(live)} port ${port}`,
    );
  });

  it("changes offsets of the stopped connector exactly for bodies in Connect's shape", async () => {
    assert.equal(
      (await send(port, 'PUT', `/connectors/${NAME}/stop`, undefined, undefined)).status,
      202,
    );
    const json = fc.oneof(
      { weight: 4, arbitrary: offsetsBody },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    await fc.assert(
      fc.asyncProperty(json, async (change) => {
        const text = JSON.stringify(change) ?? 'null';
        const payload = { text, type: 'application/json' };
        const answer = await send(port, 'PATCH', `/connectors/${NAME}/offsets`, payload, undefined);
        const valid = isValidOffsetsChange(JSON.parse(text));
        assert.equal(
          answer.status,
          valid ? 200 : 400,
          `${answer.status} for ${text}: ${answer.text}`,
        );
        if (!valid) assert.match(JSON.parse(answer.text).message, /offsets|body/);
      }),
      fuzzParameters(400),
    );
  });
});
