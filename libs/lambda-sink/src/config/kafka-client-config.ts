import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConnectionSettings, SaslSettings } from '../kafka';
import { saslIncomplete } from './config-messages';
import type { KafkaConnectionOptions } from './lambda-sink-options';

/** Reads a PEM file; injectable so the mapping is testable without files. */
export type PemReader = (path: string) => string;

const readPemFile: PemReader = (path) => readFileSync(path, 'utf8');

/**
 * The client settings for a consumer or reporter connection: the Java client's
 * `security.protocol` model expressed as separate `ssl` and `sasl` settings.
 */
export function buildKafkaConfig(
  connection: KafkaConnectionOptions,
  readPem: PemReader = readPemFile,
): KafkaConnectionSettings {
  const config: KafkaConnectionSettings = {
    brokers: [...connection.bootstrapServers],
    clientId: connection.clientId,
  };
  const protocol = connection.securityProtocol;
  if (protocol === 'SSL' || protocol === 'SASL_SSL') config.ssl = tlsOptions(connection, readPem);
  if (protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL')
    config.sasl = saslOptions(connection);
  return config;
}

/** `true` (system CAs, no client certificate) unless PEM files are configured. */
function tlsOptions(
  connection: KafkaConnectionOptions,
  readPem: PemReader,
): ConnectionOptions | true {
  const { sslCaLocation, sslCertificateLocation, sslKeyLocation, sslKeyPassword } = connection;
  if (!sslCaLocation && !sslCertificateLocation && !sslKeyLocation) return true;
  const tls: ConnectionOptions = {};
  if (sslCaLocation) tls.ca = [readPem(sslCaLocation)];
  if (sslCertificateLocation) tls.cert = readPem(sslCertificateLocation);
  if (sslKeyLocation) tls.key = readPem(sslKeyLocation);
  if (sslKeyPassword !== undefined) tls.passphrase = sslKeyPassword;
  return tls;
}

function saslOptions(connection: KafkaConnectionOptions): SaslSettings {
  const { saslMechanism, saslUsername, saslPassword } = connection;
  // Validation guarantees these for SASL_*; typed callers bypassing it get a clear error.
  if (!saslMechanism || saslUsername === undefined || saslPassword === undefined) {
    throw new TypeError(saslIncomplete(connection.securityProtocol));
  }
  const credentials = { username: saslUsername, password: saslPassword };
  switch (saslMechanism) {
    case 'PLAIN':
      return { mechanism: 'plain', ...credentials };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', ...credentials };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', ...credentials };
  }
}
