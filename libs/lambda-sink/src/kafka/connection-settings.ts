import type { ConnectionOptions } from 'node:tls';

/**
 * How to reach and authenticate to a cluster, independent of the client library: the Java
 * client's `security.protocol` model already resolved into TLS and SASL settings.
 */
export interface KafkaConnectionSettings {
  brokers: string[];
  clientId?: string;
  /** `true`: TLS with the system's CAs and no client certificate. */
  ssl?: ConnectionOptions | true;
  sasl?: SaslSettings;
}

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

/** One object per mechanism, so a client library's own union of them accepts it. */
export type SaslSettings =
  | {
      [M in SaslMechanism]: { mechanism: M; username: string; password: string };
    }[SaslMechanism]
  | OAuthBearerSettings;

/** OAUTHBEARER with a token source (MSK IAM): called whenever a new token is needed. */
export interface OAuthBearerSettings {
  mechanism: 'oauthbearer';
  oauthBearerProvider: () => Promise<{ value: string }>;
}
