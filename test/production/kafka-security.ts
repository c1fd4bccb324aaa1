import { bootstrapServers } from '../support/kafka';

/**
 * The local broker's SASL_PLAINTEXT listener (SASL/PLAIN, users `sink`/`sink-secret` and
 * `admin`/`admin-secret`; see scripts/kafka/README.md). `npm test` sets the variable; the default
 * is the listener `scripts/kafka/start.sh` opens.
 */
export const saslBootstrapServers = process.env.KAFKA_SASL_BOOTSTRAP_SERVERS ?? '127.0.0.1:9094';
export const plaintextBootstrapServers = bootstrapServers;

export const SINK_USER = 'sink';
export const SINK_PASSWORD = 'sink-secret';

/** `sasl.jaas.config` exactly as a Java client's properties file holds it. */
export function plainJaasConfig(username: string, password: string): string {
  return (
    'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
    `username="${username}" password="${password}";`
  );
}

/** `security.protocol`, `sasl.mechanism` and `sasl.jaas.config` for SASL/PLAIN, under `prefix`. */
export function saslPlainProperties(
  prefix: '' | 'reporter.',
  password = SINK_PASSWORD,
): Record<string, string> {
  return {
    [`${prefix}security.protocol`]: 'SASL_PLAINTEXT',
    [`${prefix}sasl.mechanism`]: 'PLAIN',
    [`${prefix}sasl.jaas.config`]: plainJaasConfig(SINK_USER, password),
  };
}
