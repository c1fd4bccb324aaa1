import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { Server as HttpsServer } from 'node:https';
import type { LambdaSinkOptions } from '../../config/lambda-sink-options';

/**
 * Limits on what one HTTP request may cost the service. The API's bodies are small (a KIP-875
 * offsets list), so a large body or a flood of headers can only be a mistake or an attack.
 */
export const REST_LIMITS = {
  /** Largest JSON body accepted. */
  bodyBytes: 64 * 1024,
  /** Node's own default header size, stated so it cannot silently grow. */
  headerBytes: 16 * 1024,
  maxHeadersCount: 64,
  /** A client must send its headers, and the whole request, within these. */
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
} as const;

/** What `https.createServer` (and Nest's `httpsOptions`) needs for the listener. */
export interface HttpsListenerTls {
  key: Buffer;
  cert: Buffer;
  passphrase?: string;
  maxHeaderSize: number;
}

/** True when the first `listeners` URL (the one served) is https. */
export function listensWithTls(options: Pick<LambdaSinkOptions, 'listeners'>): boolean {
  return options.listeners.split(',')[0].trim().toLowerCase().startsWith('https:');
}

/**
 * The TLS material of an `https://` listener, from the PEM files `listeners.https.ssl.*` name;
 * undefined for plain HTTP. A PEM keystore holds key and chain in one file, which serves as both.
 */
export function httpsServerOptions(options: LambdaSinkOptions): HttpsListenerTls | undefined {
  const https = options.rest.https;
  if (!listensWithTls(options) || !https) return undefined;
  return {
    key: readFileSync(https.keyFile),
    cert: readFileSync(https.certificateFile ?? https.keyFile),
    passphrase: https.keyPassword,
    maxHeaderSize: REST_LIMITS.headerBytes,
  };
}

/**
 * Serves renewed certificates without a restart (cert-manager and the like replace the files):
 * the files are polled and the server's secure context swapped when they change. Returns a stop
 * function. A renewal that does not load leaves the previous certificate in place.
 */
export function reloadHttpsOnChange(
  server: HttpsServer,
  options: LambdaSinkOptions,
  onError: (error: unknown) => void,
  intervalMs = 5000,
): () => void {
  const https = options.rest.https;
  if (!https) return () => undefined;
  const files = [...new Set([https.keyFile, https.certificateFile ?? https.keyFile])];
  const reload = () => {
    try {
      const { key, cert, passphrase } = httpsServerOptions(options) ?? {};
      server.setSecureContext({ key, cert, passphrase });
    } catch (error) {
      onError(error);
    }
  };
  for (const file of files) watchFile(file, { interval: intervalMs, persistent: false }, reload);
  return () => files.forEach((file) => unwatchFile(file, reload));
}
