import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { capturingOutput } from '../support/captured-output';
import { basicAuth, httpRequestTo, type HttpAnswer } from '../support/http-request';
import { createTopic, eventually, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { startService, type RunningService } from '../support/service';

const PASSWORD = 'pw-Xq7-never-shown';
const TOKEN = 'tok-Zr9-never-shown';

/** A non-loopback address of this machine, so a request can come from "elsewhere". */
function otherLocalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

/** Every request that changes the sink, in an order that each one is valid after the last. */
function mutatingRequests(name: string, topic: string) {
  const offsets = {
    offsets: [
      { partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 0 } },
    ],
  };
  return [
    { method: 'PUT', path: `/connectors/${name}/pause`, ok: 202 },
    { method: 'PUT', path: `/connectors/${name}/resume`, ok: 202 },
    // Nothing failed, so the partition resume answers 202 for an assigned partition.
    { method: 'PUT', path: `/connectors/${name}/partitions/${topic}/0/resume`, ok: 202 },
    { method: 'POST', path: `/connectors/${name}/restart`, ok: 204 },
    { method: 'PUT', path: `/connectors/${name}/stop`, ok: 202 },
    { method: 'PATCH', path: `/connectors/${name}/offsets`, ok: 200, body: offsets },
    { method: 'DELETE', path: `/connectors/${name}/offsets`, ok: 200 },
    { method: 'POST', path: `/connectors/${name}/restart?includeTasks=true`, ok: 202 },
  ];
}

describe('the REST API lets no one in where they do not belong', () => {
  let lambda: LambdaLocal;
  let topic: string;
  before(async () => {
    lambda = await startLambda();
    topic = await createTopic(uniqueName('rest-security'), 1);
  });
  after(() => lambda.close());

  describe('without rest.auth.*', () => {
    let service: RunningService;
    let log: string;
    let name: string;
    const remote = otherLocalAddress();
    before(async () => {
      name = uniqueName('open');
      const started = await capturingOutput(() =>
        startService(sinkProperties(lambda, { name, topics: topic })),
      );
      service = started.result;
      log = started.output;
      assert.ok(await eventually(() => service.engine.status.tasks[0]?.joinedGroup === true));
    });
    after(() => service.app.close());

    it('says at startup that changes are accepted from loopback only', () => {
      assert.match(log, /no rest\.auth\.\* configured.*accepted only from loopback/);
    });

    it(
      'refuses every change from a non-loopback address with 403, and changes nothing',
      { skip: remote ? false : 'this machine has no address besides loopback (see the unit spec)' },
      async () => {
        const port = new URL(service.url).port;
        for (const request of mutatingRequests(name, topic)) {
          const answer = await httpRequestTo(`http://${remote}:${port}${request.path}`, {
            method: request.method,
            body: request.body,
            localAddress: remote,
          });
          assert.equal(answer.status, 403, `${request.method} ${request.path}`);
          assert.match((answer.body as { message: string }).message, /only from loopback/);
        }
        assert.equal(service.engine.status.connectorState, 'RUNNING');
        assert.equal(service.engine.running, true);
      },
    );

    it(
      'keeps probes, status, the page and /metrics open from anywhere',
      { skip: !remote },
      async () => {
        const port = new URL(service.url).port;
        for (const path of ['/health/live', `/connectors/${name}/status`, '/metrics', '/']) {
          const answer = await httpRequestTo(`http://${remote}:${port}${path}`, {
            localAddress: remote,
          });
          assert.ok(answer.status < 400, `${path}: ${answer.status}`);
        }
      },
    );

    it('accepts every change from loopback', async () => {
      for (const request of mutatingRequests(name, topic)) {
        const answer = await httpRequestTo(service.url + request.path, {
          method: request.method,
          body: request.body,
        });
        assert.equal(
          answer.status,
          request.ok,
          `${request.method} ${request.path}: ${answer.text}`,
        );
      }
      assert.ok(await eventually(() => service.engine.status.connectorState === 'RUNNING'));
    });
  });

  describe('with Basic users, a bearer token, a closed /metrics, over HTTPS', () => {
    let service: RunningService;
    let url: string;
    let ca: Buffer;
    let log: string;
    let name: string;
    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rest-security-'));
      // A self-signed certificate for 127.0.0.1, made the way an operator would.
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
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          join(dir, 'tls.key'),
          '-out',
          join(dir, 'tls.crt'),
        ],
        { stdio: 'ignore' },
      );
      ca = readFileSync(join(dir, 'tls.crt'));
      writeFileSync(join(dir, 'connect.password'), `# Connect's format\nops: ${PASSWORD},admin\n`);
      writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
      name = uniqueName('locked');
      const started = await capturingOutput(() =>
        startService(
          sinkProperties(lambda, {
            name,
            topics: topic,
            listeners: 'https://127.0.0.1:8443',
            'listeners.https.ssl.key.location': join(dir, 'tls.key'),
            'listeners.https.ssl.certificate.location': join(dir, 'tls.crt'),
            'rest.auth.basic.users.file': join(dir, 'connect.password'),
            'rest.auth.bearer.token.file': join(dir, 'token'),
            'rest.auth.metrics.required': 'true',
          }),
        ),
      );
      service = started.result;
      log = started.output;
      url = service.url.replace('http://', 'https://');
      assert.ok(await eventually(() => service.engine.status.tasks[0]?.joinedGroup === true));
    });
    after(() => service.app.close());

    const send = (path: string, method = 'GET', authorization?: string, body?: unknown) =>
      httpRequestTo(url + path, {
        method,
        ca,
        body,
        headers: authorization === undefined ? {} : { Authorization: authorization },
      });

    it('serves HTTPS with the PEM certificate, and nothing in clear', async () => {
      assert.match(url, /^https:/);
      assert.equal((await send('/health/live')).status, 200);
      await assert.rejects(httpRequestTo(url, {}), /self-signed|certificate/i);
      await assert.rejects(httpRequestTo(url.replace('https:', 'http:') + '/health/live'));
    });

    it('refuses every change without, with wrong and with malformed credentials', async () => {
      const refusals: Array<[string | undefined, RegExp]> = [
        [undefined, /Credentials required/],
        [basicAuth('ops', 'wrong-password'), /Invalid credentials/],
        [basicAuth('intruder', PASSWORD), /Invalid credentials/],
        ['Bearer wrong-token', /Invalid credentials/],
        ['Basic %%%notbase64', /Malformed/],
        ['Token abc', /Malformed/],
      ];
      for (const request of mutatingRequests(name, topic)) {
        for (const [authorization, message] of refusals) {
          const answer: HttpAnswer = await send(
            request.path,
            request.method,
            authorization,
            request.body,
          );
          assert.equal(
            answer.status,
            401,
            `${request.method} ${request.path} with ${authorization}`,
          );
          assert.match(
            String(answer.headers['www-authenticate']),
            /Basic realm="KafkaConnect", Bearer/,
          );
          assert.match((answer.body as { message: string }).message, message);
          assert.ok(!answer.text.includes('wrong') && !answer.text.includes('intruder'));
        }
      }
      assert.equal(service.engine.status.connectorState, 'RUNNING');
    });

    it('accepts every change with a Basic user or the bearer token', async () => {
      const requests = mutatingRequests(name, topic);
      for (const [i, request] of requests.entries()) {
        // Both ways in, alternately.
        const authorization = i % 2 === 0 ? basicAuth('ops', PASSWORD) : `Bearer ${TOKEN}`;
        const answer = await send(request.path, request.method, authorization, request.body);
        assert.equal(
          answer.status,
          request.ok,
          `${request.method} ${request.path}: ${answer.text}`,
        );
      }
      assert.ok(await eventually(() => service.engine.status.connectorState === 'RUNNING'));
    });

    it('closes /metrics when asked, and keeps probes and status open', async () => {
      assert.equal((await send('/metrics')).status, 401);
      assert.equal((await send('/metrics', 'GET', `Bearer ${TOKEN}`)).status, 200);
      assert.equal((await send('/health/live')).status, 200);
      assert.equal((await send(`/connectors/${name}/status`)).status, 200);
    });

    it('never shows a credential in a log line or a response', async () => {
      assert.match(log, /need Basic or Bearer credentials; so does \/metrics/);
      const config = await send(`/connectors/${name}/config`);
      for (const secret of [PASSWORD, TOKEN]) {
        assert.ok(!log.includes(secret));
        assert.ok(!config.text.includes(secret));
      }
    });

    it('refuses an oversized body and oversized headers', async () => {
      const big = { offsets: [{ pad: 'x'.repeat(100 * 1024) }] };
      const answer = await send(`/connectors/${name}/offsets`, 'PATCH', `Bearer ${TOKEN}`, big);
      assert.equal(answer.status, 413);
      assert.deepEqual(answer.body, { error_code: 413, message: 'Request body too large.' });
      const malformed = await httpRequestTo(`${url}/connectors/${name}/offsets`, {
        method: 'PATCH',
        ca,
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        rawBody: '{"offsets": [SECRET-LOOKING-INPUT',
      });
      assert.equal(malformed.status, 400);
      assert.deepEqual(malformed.body, { error_code: 400, message: 'Malformed JSON body.' });
      const huge = await httpRequestTo(`${url}/health/live`, {
        ca,
        headers: { 'x-padding': 'x'.repeat(20 * 1024) },
      }).catch((e: Error) => e);
      // Over the 16 KiB header limit: Node answers 431, or resets the connection.
      assert.ok(huge instanceof Error || huge.status === 431, String(huge));
    });
  });
});
