import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { listenAddress } from './listen-address';

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** Whether this machine can listen on IPv6 loopback at all (containers often cannot). */
async function hasIpv6Loopback(): Promise<boolean> {
  const probe = createServer();
  try {
    await listen(probe, 0, '::1');
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}

describe('listenAddress', () => {
  it('reads host and port of the first listener', () => {
    assert.deepEqual(listenAddress('http://0.0.0.0:8083, https://localhost:8443'), {
      host: '0.0.0.0',
      port: 8083,
    });
    assert.deepEqual(listenAddress('https://example.internal'), {
      host: 'example.internal',
      port: 443,
    });
  });

  it('gives an IPv6 host without the URL brackets, as listen() takes it', () => {
    assert.deepEqual(listenAddress('http://[::1]:8083'), { host: '::1', port: 8083 });
    assert.deepEqual(listenAddress('http://[::]:8083'), { host: '::', port: 8083 });
  });

  it('listens on [::1] for real', async (t) => {
    if (!(await hasIpv6Loopback())) {
      t.skip('this machine has no IPv6 loopback (::1)');
      return;
    }
    const { host } = listenAddress('http://[::1]:0');
    const server = createServer((_req, res) => res.end('up'));
    try {
      await listen(server, 0, host);
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://[::1]:${port}/`);
      assert.equal(await response.text(), 'up');
    } finally {
      server.close();
    }
  });
});
