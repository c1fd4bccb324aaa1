import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConnectionSettings, SaslSettings } from '../kafka';
import {
  generateAuthToken,
  generateAuthTokenFromProfile,
  generateAuthTokenFromRole,
} from 'aws-msk-iam-sasl-signer-js';
import { mskIamNoRegion, saslIncomplete } from './config-messages';
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
