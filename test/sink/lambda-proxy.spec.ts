import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda, startSink } from '../support/sink';

/** A few lines of Node's own http: an HTTP CONNECT proxy that records who tunnelled where. */
async function connectProxy(): Promise<{
  url: string;
  tunnels: Array<{ target: string; auth?: string }>;
  close(): void;
}> {
  const tunnels: Array<{ target: string; auth?: string }> = [];
  const server: Server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, client, head) => {
    const auth = req.headers['proxy-authorization'];
    tunnels.push({ target: req.url ?? '', auth });
    if (auth !== `Basic ${Buffer.from('proxy-user:proxy-pass').toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, tunnels, close: () => server.close() };
}

describe('aws.lambda.proxy.*', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('sends every Lambda call through the HTTP proxy with its user and password', async () => {
    const proxy = await connectProxy();
    const topic = await createTopic(uniqueName('proxy'));
    await produce(topic, [{ value: 'a' }, { value: 'b' }]);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => 'ok');
    const sink = await startSink(
      sinkProperties(lambda, {
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.proxy.url': proxy.url,
        'aws.lambda.proxy.user': 'proxy-user',
        'aws.lambda.proxy.password': 'proxy-pass',
      }),
    );
    try {
      assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 2));
      const lambdaHost = new URL(lambda.url).host;
      assert.ok(proxy.tunnels.length >= 1, 'at least one tunnel');
      assert.ok(
        proxy.tunnels.every((t) => t.target === lambdaHost),
        JSON.stringify(proxy.tunnels),
      );
    } finally {
      await sink.stop();
      proxy.close();
    }
  });
});
