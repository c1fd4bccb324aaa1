import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fuzzParameters, withinMs } from '../testing/fuzz-parameters';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { KNOWN_PROPERTY_NAMES } from './lambda-sink-properties';
import { isSecretProperty } from './secret-properties';
import { minimalProperties } from './test-properties';

// Properties come from files, the environment and host code the sink does not control. Any map
// of them must yield options or a ConfigValidationError whose problems each name a property the
// user wrote (or one that is required), quickly, and nothing that was a secret may come out in
// a problem, a warning or the masked properties the REST API serves.

const SECRET = 'Zq9-secret-VALUE-41';
const PROVIDED_SECRET = 'Env-provided-7c2e';
const ENV = { FUZZ_PROVIDED: PROVIDED_SECRET };

/** Secret properties, each carrying the seeded secret somewhere in its value. */
const SECRET_VALUES: Record<string, string> = {
  'aws.secret.access.key': SECRET,
  'aws.session.token': SECRET,
  'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${SECRET}";`,
  'reporter.sasl.jaas.config': `x required password="${SECRET}"`,
  'ssl.key.password': SECRET,
  'ssl.truststore.password': SECRET,
  'value.converter.basic.auth.user.info': `user:${SECRET}`,
  'aws.lambda.proxy.password': SECRET,
  'rest.auth.bearer.token': SECRET,
  'listeners.https.ssl.key.password': SECRET,
  'consumer.override.sasl.jaas.config': `y required password="${SECRET}"`,
};

const PROPERTY_NAMES = KNOWN_PROPERTY_NAMES.filter((name) => !isSecretProperty(name));

/** Values that sit on the edges of what properties accept. */
const edgeValue = fc.constantFrom(
  '',
  ' ',
  'true',
  'FALSE',
  'yes',
  '0',
  '-1',
  '1.5',
  '1e3',
  '2147483648',
  '99999999999999999999',
  'NaN',
  'sync',
  'async',
  'key',
  'none',
  'all',
  'fail',
  'log',
  'ignore',
  'orders,payments',
  ',,',
  'localhost:9092',
  '127.0.0.1:notaport',
  'http://127.0.0.1:8083',
  'https://[::1]:0',
  'SASL_SSL',
  'PLAIN',
  'io.confluent.connect.avro.AvroConverter',
  'org.apache.kafka.connect.json.JsonConverter',
  '.*(',
  '(a+)+$',
  '${env:FUZZ_PROVIDED}',
  '${env:MISSING_VAR}',
  '${file:/nonexistent/file.properties:key}',
  '${unknown:x}',
  '${connector}',
  '\u0000',
  'é\uD800',
);
const anyValue = fc.oneof(
  { weight: 3, arbitrary: edgeValue },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
/** Names the sink knows, names it does not, and the families it reads by prefix. */
const propertyName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PROPERTY_NAMES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'transforms',
      'transforms.a.type',
      'transforms.a.field',
      'transforms.a.predicate',
      'predicates',
      'predicates.p.type',
      'predicates.p.pattern',
      'config.providers',
      'config.providers.env.class',
      'confluent.topic.replication.factor',
      'producer.override.acks',
      'consumer.override.max.poll.records',
      'errors.retry.timeout',
      ...Object.getOwnPropertyNames(Object.prototype),
    ),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
);

const propertyMap = fc
  .tuple(
    fc.boolean(),
    fc.dictionary(propertyName, anyValue, { maxKeys: 12 }),
    fc.subarray(Object.keys(SECRET_VALUES), { maxLength: 4 }),
    fc.boolean(),
  )
  .map(([startValid, random, secrets, envProvider]) => ({
    ...(startValid ? minimalProperties() : {}),
    ...random,
    ...Object.fromEntries(secrets.map((name) => [name, SECRET_VALUES[name]])),
    ...(envProvider ? ENV_PROVIDER : {}),
  }));

const ENV_PROVIDER = {
  'config.providers': 'env',
  'config.providers.env.class': 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
};
// Found by this spec: a provider-supplied value used as a transform alias came out in the name
// of the problem about it (`transforms.<value>.type (not set): is required`).
const EXAMPLES: Array<[Record<string, string>]> = [
  [{ transforms: '${env:FUZZ_PROVIDED}', ...ENV_PROVIDER }],
  [{ ...minimalProperties(), predicates: 'p,${env:FUZZ_PROVIDED}', ...ENV_PROVIDER }],
  // Found by this spec: a property named like an Object member with a problem in its value
  // crashed validation with a TypeError (its name was looked up as the inherited function).
  [{ valueOf: '${env:MISSING_VAR}' }],
  [{ ...minimalProperties(), constructor: '${unknown:x}', toString: '1' }],
];

const leaks = (text: string) => text.includes(SECRET) || text.includes(PROVIDED_SECRET);

describe('configuration validation (fuzzed property maps)', () => {
  it('yields options or a ConfigValidationError naming each problem, never a secret', () => {
    fc.assert(
      fc.property(propertyMap, (properties) => {
        let options;
        try {
          options = withinMs(1000, 'validation', () =>
            optionsFromConnectProperties(properties, { env: ENV }),
          );
        } catch (error) {
          assert.ok(
            error instanceof ConfigValidationError,
            `not a ConfigValidationError: ${String(error)}`,
          );
          assert.ok(error.problems.length > 0, 'an error with no problem in it');
          for (const problem of error.problems) {
            // Written, required, or a setting of something written (`transforms.<alias>.type`).
            const named =
              Object.hasOwn(properties, problem.property) ||
              KNOWN_PROPERTY_NAMES.includes(problem.property) ||
              Object.keys(properties).some(
                (name) =>
                  problem.property.startsWith(`${name}.`) || name.startsWith(problem.property),
              );
            assert.ok(named, `a problem about "${problem.property}", which was not written`);
            assert.ok(problem.message.length > 0);
          }
          assert.ok(!leaks(error.message), `secret in: ${error.message}`);
          assert.ok(!leaks(JSON.stringify(error.problems)));
          return;
        }
        assert.ok(!leaks(JSON.stringify(options.maskedProperties)), 'secret in maskedProperties');
        assert.ok(!leaks(options.warnings.join('\n')), 'secret in a warning');
      }),
      fuzzParameters(600, { examples: EXAMPLES }),
    );
  });

  it('accepts every minimal configuration plus known-good values, naming no problem', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            'aws.lambda.batch.size': fc.integer({ min: 1, max: 10_000 }).map(String),
            'aws.lambda.invocation.type': fc.constantFrom('sync', 'async'),
            'behavior.on.error': fc.constantFrom('fail', 'log', 'ignore'),
            'errors.tolerance': fc.constantFrom('none', 'all'),
          },
          { requiredKeys: [] },
        ),
        (extra) => {
          const credentials = { 'aws.access.key.id': 'AKIAFUZZ', 'aws.secret.access.key': SECRET };
          const properties = minimalProperties({ ...extra, ...credentials });
          const options = optionsFromConnectProperties(properties, { env: ENV });
          assert.ok(!leaks(JSON.stringify(options.maskedProperties)));
        },
      ),
      fuzzParameters(200),
    );
  });
});
