import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaRegistryOptions } from '../../config/lambda-sink-options';
import { SchemaRegistryClient } from './schema-registry-client';
import { SchemaRegistryUnavailableError, SchemaUnusableError } from './schema-registry.errors';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const options = (urls: string[], extra: Partial<SchemaRegistryOptions> = {}) => ({
  urls,
  tls: { keystoreType: 'PEM' as const, verifyHostname: true },
  connectTimeoutMs: 2000,
  readTimeoutMs: 2000,
  cacheCapacity: 10,
  enhancedAvroSchemaSupport: false,
  generateIndexForUnions: true,
  ...extra,
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('SchemaRegistryClient', () => {
  const seen: IncomingMessage[] = [];
  let handler: Handler = () => undefined;
  const server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  let url = '';
  before(async () => {
    url = `http://${await listen(server)}`;
  });
  after(() => server.close());

  const answer =
    (status: number, body: object): Handler =>
    (_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };

  it('asks for a schema by id, with basic auth', async () => {
    handler = answer(200, { schema: '"string"' });
    const client = new SchemaRegistryClient(
      options([url], { basicAuth: { username: 'u', password: 'p:w' } }),
    );
    assert.deepEqual(await client.schemaById(12), { schema: '"string"' });
    const request = seen.at(-1)!;
    assert.equal(request.url, '/schemas/ids/12');
    assert.equal(request.headers.authorization, `Basic ${Buffer.from('u:p:w').toString('base64')}`);
  });

  it('sends a bearer token with the Confluent Cloud routing headers', async () => {
    handler = answer(200, { schema: '{}', schemaType: 'JSON' });
    const client = new SchemaRegistryClient(
      options([`${url}/apis/ccompat/v7`], {
        bearerAuth: { token: 't0k', logicalCluster: 'lsrc-1', identityPoolId: 'pool-1' },
      }),
    );
    await client.schemaByVersion('orders-value', 3);
    const request = seen.at(-1)!;
    assert.equal(request.url, '/apis/ccompat/v7/subjects/orders-value/versions/3');
    assert.equal(request.headers.authorization, 'Bearer t0k');
    assert.equal(request.headers['target-sr-cluster'], 'lsrc-1');
    assert.equal(request.headers['confluent-identity-pool-id'], 'pool-1');
  });

  it('tries the next URL when one cannot be reached or answers 5xx, and keeps the one that answered', async () => {
    const failing = createServer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const failingUrl = `http://${await listen(failing)}`;
    try {
      handler = answer(200, { schema: '"int"' });
      const client = new SchemaRegistryClient(options(['http://127.0.0.1:1', failingUrl, url]));
      const before = seen.length;
      assert.deepEqual(await client.schemaById(1), { schema: '"int"' });
      await client.schemaById(2);
      assert.equal(seen.length - before, 2, 'the good URL is asked first the second time');
    } finally {
      failing.close();
    }
  });

  it('is unavailable (retryable) when no URL answers, naming each reason but no credentials', async () => {
    handler = answer(401, { error_code: 40101, message: 'Unauthorized' });
    const client = new SchemaRegistryClient(
      options(['http://127.0.0.1:1', url], { basicAuth: { username: 'u', password: 'secret-pw' } }),
    );
    await assert.rejects(client.schemaById(5), (error: Error) => {
      assert.ok(error instanceof SchemaRegistryUnavailableError);
      assert.equal(error.retryable, true);
      assert.match(error.message, /schema ID 5/);
      assert.match(error.message, /401 \(error 40101: Unauthorized\)/);
      assert.doesNotMatch(error.message, /secret-pw/);
      return true;
    });
  });

  it('makes an unknown id a non-retryable answer with the registry reason', async () => {
    handler = answer(404, { error_code: 40403, message: 'Schema 77 not found' });
    const client = new SchemaRegistryClient(options([url]));
    await assert.rejects(client.schemaById(77), (error: Error) => {
      assert.ok(error instanceof SchemaUnusableError);
      assert.equal(
        error.message,
        'Error retrieving schema ID 77: not found in the Schema Registry (error 40403: Schema 77 not found)',
      );
      return true;
    });
  });

  it('gives up on a registry that does not answer within the read timeout', async () => {
    handler = () => undefined;
    const client = new SchemaRegistryClient(options([url], { readTimeoutMs: 200 }));
    await assert.rejects(client.schemaById(1), /no answer within 200 ms/);
  });

  it(
    'speaks TLS with a PEM trust store',
    { skip: !hasOpenssl() && 'openssl not found' },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sr-tls-'));
      const key = join(dir, 'key.pem');
      const cert = join(dir, 'cert.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
          '-keyout',
          key,
          '-out',
          cert,
        ],
        { stdio: 'ignore' },
      );
      const tls = createTlsServer(
        { key: readFileSync(key), cert: readFileSync(cert) },
        (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"schema":"\\"long\\""}');
        },
      );
      const address = await listen(tls as unknown as Server);
      try {
        const trusted = new SchemaRegistryClient(
          options([`https://${address}`], {
            tls: { keystoreType: 'PEM', verifyHostname: true, truststoreLocation: cert },
          }),
        );
        assert.deepEqual(await trusted.schemaById(1), { schema: '"long"' });
        trusted.close();
        const untrusted = new SchemaRegistryClient(options([`https://${address}`]));
        await assert.rejects(untrusted.schemaById(1), SchemaRegistryUnavailableError);
        untrusted.close();
      } finally {
        tls.close();
      }
    },
  );
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
