import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConnectionSettings, SaslSettings } from '../kafka';
import {
  generateAuthToken,
  generateAuthTokenFromProfile,
  generateAuthTokenFromRole,
} from 'aws-msk-iam-sasl-signer-js';
import { keystoreUnreadable, mskIamNoRegion, saslIncomplete } from './config-messages';
import type { KafkaConnectionOptions } from './lambda-sink-options';

/** Reads a PEM file; injectable so the mapping is testable without files. */
export type PemReader = (path: string) => string;
/** Reads a binary (PKCS12) keystore. */
export type StoreReader = (path: string) => Buffer;

const readPemFile: PemReader = (path) => readFileSync(path, 'utf8');
const readStoreFile: StoreReader = (path) => readFileSync(path);

/**
 * The client settings for a consumer or reporter connection: the Java client's
 * `security.protocol` model expressed as separate `ssl` and `sasl` settings.
 */
export function buildKafkaConfig(
  connection: KafkaConnectionOptions,
  readPem: PemReader = readPemFile,
  readStore: StoreReader = readStoreFile,
): KafkaConnectionSettings {
  const config: KafkaConnectionSettings = {
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

function saslOptions(connection: KafkaConnectionOptions): SaslSettings {
  const { saslMechanism, saslUsername, saslPassword } = connection;
  if (saslMechanism === 'AWS_MSK_IAM' || saslMechanism === 'OAUTHBEARER') {
    return { mechanism: 'oauthbearer', oauthBearerProvider: mskIamTokenProvider(connection) };
  }
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
    default:
      return { mechanism: 'scram-sha-512', ...credentials };
  }
}

// MSK broker host names carry their region: b-1.name.xxxxxx.c2.kafka.us-east-1.amazonaws.com.
const MSK_HOST_REGION = /\.kafka(?:-serverless)?\.([a-z0-9-]+)\.amazonaws\.com(?::\d+)?$/;

/** The region MSK IAM tokens are signed for: the brokers', else the environment's. */
export function mskIamRegion(
  bootstrapServers: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  for (const server of bootstrapServers) {
    const match = MSK_HOST_REGION.exec(server);
    if (match) return match[1];
  }
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
}

/**
 * MSK IAM as OAUTHBEARER, as AWS's own Java library does it: each token is a SigV4-presigned
 * `kafka-cluster:Connect` request made by AWS's signer (aws-msk-iam-sasl-signer-js) with the
 * default credential chain, or IAMLoginModule's `awsProfileName` / `awsRoleArn`.
 */
function mskIamTokenProvider(connection: KafkaConnectionOptions): () => Promise<{ value: string }> {
  return async () => {
    const region = mskIamRegion(connection.bootstrapServers);
    if (!region) throw new Error(mskIamNoRegion());
    const { profile, roleArn } = connection.mskIam ?? {};
    const { token } = roleArn
      ? await generateAuthTokenFromRole({ region, awsRoleArn: roleArn })
      : profile
        ? await generateAuthTokenFromProfile({ region, awsProfileName: profile })
        : await generateAuthToken({ region });
    return { value: token };
  };
}
