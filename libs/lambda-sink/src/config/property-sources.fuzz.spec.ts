import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { fuzzParameters, withinMs } from '../testing/fuzz-parameters';
import { readConfigFile } from './config-file-reader';
import { ConfigValidationError } from './config-validation-error';
import {
  CONFIG_FILE_ENV,
  ENV_PREFIX,
  envVarName,
  propertiesFromEnv,
  WORKER_FILE_ENV,
} from './env-properties';
import { parsePropertiesFile } from './properties-file-parser';
import { loadLambdaSinkOptions } from './property-sources';
import { writeTempFiles } from './test-properties';

// Files and environment variables are written by people and tools the sink does not control.
// Whatever they hold, reading them ends in properties or a ConfigValidationError that says what
// is wrong — and a secret written in them never comes back out in that error.

const SECRET = 'Pr0perty-SECRET-9d';

/** Lines a properties file may hold, well or badly formed. */
const line = fc.oneof(
  fc.constantFrom(
    '# a comment',
    '! another comment',
    '',
    '   ',
    'name=orders-sink',
    'topics : orders',
    'aws.lambda.function.name fn',
    'aws.lambda.batch.size=fifty',
    `aws.secret.access.key=${SECRET}`,
    `aws.secret.access.key=${SECRET}\\u00zz`,
    `sasl.jaas.config=x required password="${SECRET}\\uXYZW";`,
    `ssl.key.password = ${SECRET} \\`,
    'continued.value=first \\',
    '  second',
    'bad.escape=\\u12',
    'good.escape=caf\\u00e9',
    'key\\=with\\:separators=v',
    '=no key',
    '\\',
    '\\\\',
  ),
  fc.string({ maxLength: 40 }),
  fc
    .tuple(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('=', ':', ' ', ''),
      fc.string({ maxLength: 20 }),
    )
    .map(([k, sep, v]) => `${k}${sep}${v}`),
);
const newline = fc.constantFrom('\n', '\r\n', '\r');
const propertiesText = fc
  .tuple(fc.array(line, { maxLength: 25 }), newline)
  .map(([lines, nl]) => lines.join(nl));

function assertNamesAndHides(error: unknown): void {
  assert.ok(
    error instanceof ConfigValidationError,
    `not a ConfigValidationError: ${String(error)}`,
  );
  assert.ok(error.problems.length > 0);
  // The property as written: a JSON file may well have written "" as a name.
  for (const problem of error.problems) assert.ok(problem.message.length > 0);
  assert.ok(!error.message.includes(SECRET), `secret in: ${error.message}`);
  assert.ok(!JSON.stringify(error.problems).includes(SECRET));
}

describe('properties files, JSON files and environment values (fuzzed)', () => {
  it('parses any properties text or names each malformed property, never quoting a secret', () => {
    fc.assert(
      fc.property(propertiesText, (text) => {
        try {
          const properties = withinMs(500, 'parsing', () =>
            parsePropertiesFile('sink.properties', text),
          );
          assert.equal(typeof properties, 'object');
          for (const value of Object.values(properties)) assert.equal(typeof value, 'string');
        } catch (error) {
          assertNamesAndHides(error);
        }
      }),
      fuzzParameters(1500),
    );
  });

  it('reads any JSON file as properties or a ConfigValidationError', () => {
    const { path } = writeTempFiles({ path: '{}' });
    const json = fc.oneof(
      fc.json(),
      fc
        .record(
          {
            name: fc.oneof(fc.string(), fc.jsonValue()),
            config: fc.dictionary(fc.string(), fc.jsonValue()),
          },
          { requiredKeys: [] },
        )
        .map((doc) => JSON.stringify(doc)),
      fc
        .dictionary(fc.string(), fc.jsonValue())
        .map((doc) => JSON.stringify({ ...doc, 'aws.secret.access.key': SECRET })),
      fc.string().map((t) => `{${t}`),
      fc.constant(`{"aws.secret.access.key": "${SECRET}`),
    );
    fc.assert(
      fc.property(json, (content) => {
        writeFileSync(path, content);
        try {
          const properties = withinMs(500, 'reading', () => readConfigFile(path));
          for (const value of Object.values(properties)) assert.equal(typeof value, 'string');
        } catch (error) {
          assertNamesAndHides(error);
        }
      }),
      fuzzParameters(800),
    );
  });

  it('maps any LAMBDA_SINK_* variables to properties, and names the variable in each problem', () => {
    const suffix = fc.stringMatching(/^[A-Z0-9_]{1,30}$/);
    const known = fc.constantFrom(
      'aws.lambda.function.name',
      'aws.lambda.batch.size',
      'topics',
      'name',
      'bootstrap.servers',
      'aws.lambda.invocation.type',
      'behavior.on.error',
      'aws.secret.access.key',
      'aws.access.key.id',
    );
    const variable = fc.oneof(
      known.map(envVarName),
      suffix.map((s) => ENV_PREFIX + s),
    );
    const value = fc.oneof(
      fc.constantFrom('', 'orders', 'fn', 'localhost:9092', '50', '-1', 'sync', 'never', SECRET),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.dictionary(variable, value, { maxKeys: 10 }), (env) => {
        const secretVariable = envVarName('aws.secret.access.key');
        // The seeded secret only ever sits in the secret's own variable.
        for (const name of Object.keys(env))
          if (name !== secretVariable && env[name] === SECRET) env[name] = 'x';
        const { properties, variables } = propertiesFromEnv(env);
        const notProperties = [CONFIG_FILE_ENV, WORKER_FILE_ENV];
        const set = Object.keys(env).filter((name) => !notProperties.includes(name));
        assert.equal(Object.keys(properties).length, set.length);
        for (const [property, name] of Object.entries(variables)) {
          assert.equal(properties[property], env[name]);
        }
        try {
          withinMs(1000, 'validation', () => loadLambdaSinkOptions({ env }));
        } catch (error) {
          assertNamesAndHides(error);
          // A property set through a variable is named by that variable, as the user wrote it.
          for (const problem of (error as ConfigValidationError).problems) {
            assert.ok(
              !Object.hasOwn(variables, problem.property),
              `"${problem.property}" named as a property, though set as ${variables[problem.property]}`,
            );
          }
        }
      }),
      fuzzParameters(500),
    );
  });
});
