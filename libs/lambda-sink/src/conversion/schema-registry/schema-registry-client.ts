import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { Logger } from '@nestjs/common';
import type { SchemaRegistryOptions } from '../../config/lambda-sink-options';
import { registryUnreachable, schemaNotFound, schemaRefused } from '../conversion-messages';
import { SchemaRegistryUnavailableError, SchemaUnusableError } from './schema-registry.errors';

/** A schema as the Confluent REST API returns it (`GET /schemas/ids/{id}`). */
export interface RegisteredSchema {
  schema: string;
  /** Absent means AVRO, as in Confluent's API. */
  schemaType?: 'AVRO' | 'PROTOBUF' | 'JSON';
  references?: SchemaReference[];
}

/** A schema's import (Protobuf), named type (Avro) or `$ref` (JSON Schema) in another subject. */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

// A schema is small; a body past this is not one (a proxy's error page, a misrouted URL).
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const ACCEPT =
  'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5';

const logger = new Logger('LambdaSink schema registry');

interface Answer {
  status: number;
  body: string;
}

/**
 * The few read calls a converter needs from Confluent's Schema Registry REST API, with
 * Confluent's client settings: several URLs (the next is tried when one cannot be reached or
 * answers 5xx/429), basic or bearer auth, TLS from PEM or PKCS12. Knows nothing of caching.
 */
export class SchemaRegistryClient {
  private readonly httpsAgent?: https.Agent;
  private readonly headers: Record<string, string>;
  /** The URL that answered last; tried first next time. */
  private preferred = 0;

  constructor(private readonly options: SchemaRegistryOptions) {
    this.headers = authHeaders(options);
    if (options.urls.some((url) => url.startsWith('https:'))) {
      this.httpsAgent = new https.Agent({ keepAlive: true, ...tlsOptions(options) });
    }
  }

  schemaById(id: number): Promise<RegisteredSchema> {
    return this.get(`/schemas/ids/${id}`, `schema ID ${id}`, (status, detail) =>
      status === 404 ? schemaNotFound(id, detail) : schemaRefused(id, status, detail),
    );
  }

  schemaByVersion(subject: string, version: number): Promise<RegisteredSchema> {
    const path = `/subjects/${encodeURIComponent(subject)}/versions/${version}`;
    return this.get(
      path,
      `subject ${subject} version ${version}`,
      (status, detail) =>
        `Error retrieving ${subject} version ${version}: the Schema Registry answered ${status} (${detail})`,
    );
  }

  /** Ends the keep-alive connections (at shutdown). */
  close(): void {
    this.httpsAgent?.destroy();
  }

  private async get(
    path: string,
    what: string,
    refusal: (status: number, detail: string) => string,
  ): Promise<RegisteredSchema> {
    const { urls } = this.options;
    const reasons: string[] = [];
    for (let i = 0; i < urls.length; i++) {
      const index = (this.preferred + i) % urls.length;
      let answer: Answer;
      const started = Date.now();
      try {
        answer = await this.request(urls[index] + path);
      } catch (error) {
        logger.debug(`GET ${path} at registry ${index}: ${(error as Error).message}`);
        reasons.push(`${urls[index]}: ${(error as Error).message}`);
        continue;
      }
      const { status } = answer;
      // The path and the URL's index only: a URL may carry credentials (user:password@host).
      logger.debug(`GET ${path} at registry ${index}: ${status} in ${Date.now() - started} ms`);
      if (status >= 200 && status < 300) {
        this.preferred = index;
        try {
          return JSON.parse(answer.body) as RegisteredSchema;
        } catch {
          reasons.push(`${urls[index]}: ${status} with a body that is not JSON`);
          continue;
        }
      }
      const detail = errorDetail(answer);
      // Unreachable in effect: worth the next URL, and retrying later. A refused credential is
      // treated the same way: an operator can fix it without a record being skipped.
      if (status >= 500 || status === 429 || status === 408 || status === 401 || status === 403) {
        reasons.push(`${urls[index]}: ${status} (${detail})`);
        continue;
      }
      throw new SchemaUnusableError(refusal(status, detail), { schemaRegistryUrl: urls[index] });
    }
    throw new SchemaRegistryUnavailableError(registryUnreachable(what, reasons));
  }

  private request(url: string): Promise<Answer> {
    const { connectTimeoutMs, readTimeoutMs } = this.options;
    const secure = url.startsWith('https:');
    const transport = secure ? https : http;
    return new Promise<Answer>((resolve, reject) => {
      const request = transport.get(
        url,
        {
          headers: { Accept: ACCEPT, ...this.headers },
          agent: secure ? this.httpsAgent : undefined,
          timeout: readTimeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
              request.destroy(new Error(`answer larger than ${MAX_BODY_BYTES} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      const connectTimer = setTimeout(
        () => request.destroy(new Error(`no connection within ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connectTimer);
        else socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      request.on('timeout', () =>
        request.destroy(new Error(`no answer within ${readTimeoutMs} ms`)),
      );
      request.on('error', reject);
      request.on('close', () => clearTimeout(connectTimer));
    });
  }
}

/** Confluent's error body `{"error_code": 40403, "message": …}`, cut to a line. */
function errorDetail(answer: Answer): string {
  try {
    const body = JSON.parse(answer.body) as { error_code?: number; message?: string };
    if (body.message !== undefined) {
      return `error ${body.error_code ?? answer.status}: ${body.message.slice(0, 200)}`;
    }
  } catch {
    // Not Confluent's error shape: fall through to the status alone.
  }
  return `HTTP ${answer.status}`;
}

function authHeaders(options: SchemaRegistryOptions): Record<string, string> {
  if (options.bearerAuth) {
    const { token, logicalCluster, identityPoolId } = options.bearerAuth;
    return {
      Authorization: `Bearer ${token}`,
      // The headers Confluent Cloud reads to route a bearer token (as its serializers send them).
      ...(logicalCluster !== undefined && { 'target-sr-cluster': logicalCluster }),
      ...(identityPoolId !== undefined && { 'Confluent-Identity-Pool-Id': identityPoolId }),
    };
  }
  if (options.basicAuth) {
    const { username, password } = options.basicAuth;
    return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
  }
  return {};
}

function tlsOptions(options: SchemaRegistryOptions): https.AgentOptions {
  const tls = options.tls;
  const agent: https.AgentOptions = {};
  if (tls.truststoreCertificates !== undefined) agent.ca = tls.truststoreCertificates;
  else if (tls.truststoreLocation !== undefined) agent.ca = readFileSync(tls.truststoreLocation);
  if (tls.keystoreType === 'PKCS12' && tls.keystoreLocation !== undefined) {
    agent.pfx = readFileSync(tls.keystoreLocation);
    agent.passphrase = tls.keystorePassword;
  } else if (tls.keystoreKey !== undefined) {
    agent.key = tls.keystoreKey;
    agent.cert = tls.keystoreCertificateChain;
    agent.passphrase = tls.keyPassword;
  } else if (tls.keystoreLocation !== undefined) {
    // A PEM key store holds the private key and its certificate chain in one file.
    const pem = readFileSync(tls.keystoreLocation);
    agent.key = pem;
    agent.cert = pem;
    agent.passphrase = tls.keyPassword ?? tls.keystorePassword;
  }
  if (!tls.verifyHostname) agent.checkServerIdentity = () => undefined;
  return agent;
}
