import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { keystoreUnreadable, saslIncomplete } from './config-messages';
import type { KafkaConnectionOptions } from './lambda-sink-options';

/** Reads a PEM file; injectable so the mapping is testable without files. */
export type PemReader = (path: string) => string;
/** Reads a binary (PKCS12) keystore. */
export type StoreReader = (path: string) => Buffer;

const readPemFile: PemReader = (path) => readFileSync(path, 'utf8');
const readStoreFile: StoreReader = (path) => readFileSync(path);

/**
 * The kafkajs client settings for a consumer or reporter connection: the Java client's
 * `security.protocol` model expressed as kafkajs' separate `ssl` and `sasl` options.
 */
export function buildKafkaConfig(
  connection: KafkaConnectionOptions,
  readPem: PemReader = readPemFile,
  readStore: StoreReader = readStoreFile,
): KafkaConfig {
  const config: KafkaConfig = {
    brokers: [...connection.bootstrapServers],
    clientId: connection.clientId,
  };
  const protocol = connection.securityProtocol;
  if (protocol === 'SSL' || protocol === 'SASL_SSL')
    config.ssl = tlsOptions(connection, readPem, readStore);
  if (protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL')
    config.sasl = saslOptions(connection);
  return config;
}

/**
 * `true` (system CAs, no client certificate, host name checked) unless something is configured.
 * Java's keystore settings land on the same Node options: a PEM truststore is the CA file, a
 * PKCS12 keystore is `pfx`, a PEM keystore holds both key and certificate. Validation refuses JKS.
 */
function tlsOptions(
  connection: KafkaConnectionOptions,
  readPem: PemReader,
  readStore: StoreReader,
): ConnectionOptions | true {
  const { sslCaLocation, sslCertificateLocation, sslKeyLocation, sslKeyPassword } = connection;
  const { sslTruststoreLocation, sslKeystoreLocation, sslKeystoreType } = connection;
  const caLocation =
    sslCaLocation ?? (connection.sslTruststoreType === 'PEM' ? sslTruststoreLocation : undefined);
  const skipHostname = connection.sslEndpointIdentificationAlgorithm === '';
  if (!caLocation && !sslCertificateLocation && !sslKeyLocation && !sslKeystoreLocation) {
    if (!skipHostname) return true;
  }
  const tls: ConnectionOptions = {};
  if (caLocation) tls.ca = [readPem(caLocation)];
  if (sslCertificateLocation) tls.cert = readPem(sslCertificateLocation);
  if (sslKeyLocation) tls.key = readPem(sslKeyLocation);
  if (sslKeyPassword !== undefined) tls.passphrase = sslKeyPassword;
  if (sslKeystoreLocation) {
    if (sslKeystoreType === 'PKCS12') {
      tls.pfx = readStore(sslKeystoreLocation);
      if (connection.sslKeystorePassword !== undefined)
        tls.passphrase = connection.sslKeystorePassword;
    } else if (sslKeystoreType === 'PEM') {
      tls.cert = tls.key = readPem(sslKeystoreLocation);
    } else {
      // Validation refuses this; a typed caller that skipped it still gets a clear error.
      throw new TypeError(keystoreUnreadable(sslKeystoreType ?? 'JKS'));
    }
  }
  // As Java with ssl.endpoint.identification.algorithm empty: the chain is still verified.
  if (skipHostname) tls.checkServerIdentity = () => undefined;
  return tls;
}

function saslOptions(connection: KafkaConnectionOptions): SASLOptions {
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
