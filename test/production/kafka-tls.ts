import { existsSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../support/sink';
import { SINK_PASSWORD, SINK_USER } from './kafka-security';

/**
 * The local broker's TLS listeners and the certificates scripts/kafka/start.sh made for them
 * (see scripts/kafka/tls.sh). `npm test` sets the variables when it starts the broker; the
 * defaults are start.sh's.
 */
const env = process.env;
export const sslBootstrapServers = env.KAFKA_SSL_BOOTSTRAP_SERVERS ?? '127.0.0.1:9095';
export const mtlsBootstrapServers = env.KAFKA_MTLS_BOOTSTRAP_SERVERS ?? '127.0.0.1:9096';
export const saslSslBootstrapServers = env.KAFKA_SASL_SSL_BOOTSTRAP_SERVERS ?? '127.0.0.1:9097';
export const tlsDir = env.KAFKA_TLS_DIR ?? join(repoRoot, '.kafka', 'tls');
export const tlsFile = (name: string) => join(tlsDir, name);
/** Password of the PKCS12 stores scripts/kafka/tls.sh writes. */
export const STORE_PASSWORD = 'dev-store-secret';

/** Why the TLS specs cannot run (a broker not started by this checkout's start.sh), if so. */
export const tlsUnavailable = existsSync(tlsFile('ca.pem'))
  ? undefined
  : `no TLS material in ${tlsDir}: start the broker with scripts/kafka/start.sh, or set ` +
    'KAFKA_TLS_DIR and KAFKA_*SSL*_BOOTSTRAP_SERVERS for another one';

/** `sasl.jaas.config` for SCRAM as a Java client's properties file holds it. */
export function scramJaasConfig(username: string, password: string): string {
  return (
    'org.apache.kafka.common.security.scram.ScramLoginModule required ' +
    `username="${username}" password="${password}";`
  );
}

/** SASL_SSL with `mechanism` as `sink`, trusting the dev CA, under `prefix`. */
export function saslSslProperties(
  mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512',
  prefix: '' | 'reporter.' = '',
  password = SINK_PASSWORD,
): Record<string, string> {
  const jaas =
    mechanism === 'PLAIN'
      ? `org.apache.kafka.common.security.plain.PlainLoginModule required username="${SINK_USER}" password="${password}";`
      : scramJaasConfig(SINK_USER, password);
  return {
    [`${prefix}security.protocol`]: 'SASL_SSL',
    [`${prefix}sasl.mechanism`]: mechanism,
    [`${prefix}sasl.jaas.config`]: jaas,
    [`${prefix}ssl.ca.location`]: tlsFile('ca.pem'),
  };
}

/**
 * A TCP relay on another loopback address to a broker port: the broker's certificate names
 * 127.0.0.1 and localhost, so a client that bootstraps through the relay's address sees a
 * certificate for another host, as with a wrong DNS name in production.
 */
export async function relay(
  target: string,
  host = '127.0.0.2',
): Promise<{ address: string; server: Server }> {
  const [targetHost, targetPort] = target.split(':');
  const server = createServer((socket) => {
    const upstream = connect(Number(targetPort), targetHost);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as { port: number };
  return { address: `${host}:${port}`, server };
}
