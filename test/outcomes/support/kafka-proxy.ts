import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { bootstrapServers } from '../../support/kafka';

const METADATA_API_KEY = 3;
/** Metadata v9 and later use the flexible (compact) encoding, which kafkajs 2.x never sends. */
const FIRST_FLEXIBLE_METADATA_VERSION = 9;

/**
 * A TCP proxy in front of the test broker that stands in for a separate reporter cluster:
 * stopping it makes "the reporter's broker" unreachable while the consumer's stays up.
 *
 * A Kafka client uses the bootstrap address only for its first Metadata request and then
 * connects to the brokers that Metadata advertises (here 127.0.0.1:9092, past the proxy). So
 * the proxy rewrites the advertised port of every broker in Metadata responses to its own —
 * what Kafka proxies do in production — and every connection of the client keeps going
 * through it. The host is left alone (the proxy listens on the broker's 127.0.0.1), so the
 * rewrite never changes a frame's length.
 */
export class KafkaProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  /** Connections accepted since the proxy was created, to show traffic really went through it. */
  connectionsAccepted = 0;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  /** `host:port` to give a client as its bootstrap servers. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Listens (again) — on the same port after a stop, so clients find it where they left it. */
  async start(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Refuses new connections and cuts the open ones, as a broker that went away. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.connectionsAccepted++;
    const upstream = createConnection(this.upstreamPort, this.upstreamHost);
    this.track(client, upstream);
    this.track(upstream, client);
    /** correlation id → Metadata request version, for the responses to rewrite. */
    const metadataRequests = new Map<number, number>();
    framed(client, (frame) => {
      if (frame.readInt16BE(4) === METADATA_API_KEY) {
        metadataRequests.set(frame.readInt32BE(8), frame.readInt16BE(6));
      }
      upstream.write(frame);
    });
    framed(upstream, (frame) => {
      const correlationId = frame.readInt32BE(4);
      const version = metadataRequests.get(correlationId);
      if (version !== undefined) {
        metadataRequests.delete(correlationId);
        rewriteBrokerPorts(frame, version, this.port);
      }
      client.write(frame);
    });
  }

  private track(socket: Socket, peer: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => peer.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      peer.destroy();
    });
  }
}

/** Calls `onFrame` with each whole size-prefixed Kafka frame (size included) read from `socket`. */
function framed(socket: Socket, onFrame: (frame: Buffer) => void): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const end = 4 + pending.readInt32BE(0);
      if (pending.length < end) break;
      onFrame(pending.subarray(0, end));
      pending = pending.subarray(end);
    }
  });
}

/**
 * Metadata response (v0–v8): size, correlation id, [throttle_time_ms (v3+)],
 * brokers [node_id int32, host string, port int32, rack nullable string (v1+)], …
 */
function rewriteBrokerPorts(frame: Buffer, version: number, port: number): void {
  if (version >= FIRST_FLEXIBLE_METADATA_VERSION) {
    throw new Error(`KafkaProxy cannot rewrite flexible Metadata v${version}`);
  }
  let at = 8;
  if (version >= 3) at += 4;
  const brokers = frame.readInt32BE(at);
  at += 4;
  for (let i = 0; i < brokers; i++) {
    at += 4;
    at += 2 + frame.readInt16BE(at);
    frame.writeInt32BE(port, at);
    at += 4;
    if (version >= 1) {
      const rack = frame.readInt16BE(at);
      at += 2 + Math.max(0, rack);
    }
  }
}

/** A started proxy in front of the test broker (the first of its bootstrap servers). */
export async function startProxyToBroker(): Promise<KafkaProxy> {
  const [host, port] = bootstrapServers.split(',')[0].split(':');
  const proxy = new KafkaProxy(host, Number(port));
  await proxy.start();
  return proxy;
}
