import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { optionsFromModuleOptions } from './lambda-sink-config-input';
import { minimalProperties, writeTempFiles } from './test-properties';

const AVRO = 'io.confluent.connect.avro.AvroConverter';

function problemsOf(extra: Record<string, string>): string[] {
  try {
    optionsFromConnectProperties(minimalProperties(extra));
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error.problems.map(
      (p) => `${p.property}${p.value ? ` = ${p.value}` : ''}: ${p.message}`,
    );
  }
  return [];
}

const avroValue = (extra: Record<string, string> = {}) => ({
  'value.converter': AVRO,
  'value.converter.schema.registry.url': 'http://sr1:8081,http://sr2:8081',
  ...extra,
});

describe('Schema Registry converter settings', () => {
  it('accepts the three converters as key and value converters', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'key.converter': 'io.confluent.connect.protobuf.ProtobufConverter',
        'key.converter.schema.registry.url': 'https://sr:8081/apis/ccompat/v7/',
        'value.converter': 'io.confluent.connect.json.JsonSchemaConverter',
        'value.converter.schema.registry.url': 'http://sr:8081',
      }),
    );
    assert.equal(options.keyConverter.kind, 'protobuf');
    assert.deepEqual(options.keyConverter.schemaRegistry?.urls, [
      'https://sr:8081/apis/ccompat/v7',
    ]);
    assert.equal(options.valueConverter.kind, 'jsonschema');
    assert.equal(options.warnings.length, 0);
  });

  it('requires schema.registry.url under the converter that needs it', () => {
    assert.deepEqual(problemsOf({ 'value.converter': AVRO }), [
      'value.converter.schema.registry.url: is required when value.converter reads from a Schema Registry',
    ]);
    assert.deepEqual(
      problemsOf(avroValue({ 'value.converter.schema.registry.url': 'sr1:8081' })).length,
      1,
    );
  });

  it('applies Confluent defaults and the settings that shape the records', () => {
    const registry = optionsFromConnectProperties(
      minimalProperties(
        avroValue({
          'value.converter.schemas.cache.config': '10',
          'value.converter.http.read.timeout.ms': '500',
          'value.converter.enhanced.avro.schema.support': 'true',
        }),
      ),
    ).valueConverter.schemaRegistry;
    assert.deepEqual(registry?.urls, ['http://sr1:8081', 'http://sr2:8081']);
    assert.equal(registry?.cacheCapacity, 10);
    assert.equal(registry?.readTimeoutMs, 500);
    assert.equal(registry?.connectTimeoutMs, 60_000);
    assert.equal(registry?.enhancedAvroSchemaSupport, true);
    assert.equal(registry?.generateIndexForUnions, true);
    assert.equal(registry?.basicAuth, undefined);
  });

  it('takes basic auth from USER_INFO, the URL or the JAAS config', () => {
    const userInfo = optionsFromConnectProperties(
      minimalProperties(
        avroValue({
          'value.converter.basic.auth.credentials.source': 'USER_INFO',
          'value.converter.basic.auth.user.info': 'sr-user:pa:ss',
        }),
      ),
    );
    assert.deepEqual(userInfo.valueConverter.schemaRegistry?.basicAuth, {
      username: 'sr-user',
      password: 'pa:ss',
    });

    const url = optionsFromConnectProperties(
      minimalProperties(
        avroValue({ 'value.converter.schema.registry.url': 'https://u%40x:p%3Aw@sr:8081' }),
      ),
    );
    assert.deepEqual(url.valueConverter.schemaRegistry?.basicAuth, {
      username: 'u@x',
      password: 'p:w',
    });
    assert.deepEqual(url.valueConverter.schemaRegistry?.urls, ['https://sr:8081']);
    assert.equal(
      url.maskedProperties['value.converter.schema.registry.url'],
      'https://[hidden]@sr:8081',
    );

    const sasl = optionsFromConnectProperties(
      minimalProperties(
        avroValue({
          'security.protocol': 'SASL_SSL',
          'sasl.mechanism': 'PLAIN',
          'sasl.jaas.config':
            'org.apache.kafka.common.security.plain.PlainLoginModule required username="k" password="kp";',
          'value.converter.basic.auth.credentials.source': 'SASL_INHERIT',
        }),
      ),
    );
    assert.deepEqual(sasl.valueConverter.schemaRegistry?.basicAuth, {
      username: 'k',
      password: 'kp',
    });
  });

  it('sends a static bearer token and refuses the sources it does not implement', () => {
    const bearer = optionsFromConnectProperties(
      minimalProperties(
        avroValue({
          'value.converter.bearer.auth.credentials.source': 'STATIC_TOKEN',
          'value.converter.bearer.auth.token': 'tok-123',
          'value.converter.bearer.auth.logical.cluster': 'lsrc-1',
        }),
      ),
    );
    assert.deepEqual(bearer.valueConverter.schemaRegistry?.bearerAuth, {
      token: 'tok-123',
      logicalCluster: 'lsrc-1',
      identityPoolId: undefined,
    });
    const [problem] = problemsOf(
      avroValue({ 'value.converter.bearer.auth.credentials.source': 'OAUTHBEARER' }),
    );
    assert.match(
      problem,
      /not supported: OAUTHBEARER \(supported: STATIC_TOKEN\); obtain the token/,
    );
  });

  it('reports every credentials mistake at once, never quoting a secret', () => {
    const problems = problemsOf({
      ...avroValue({
        'value.converter.basic.auth.credentials.source': 'USER_INFO',
        'value.converter.basic.auth.user.info': 'no-colon-secret',
        'value.converter.bearer.auth.credentials.source': 'STATIC_TOKEN',
      }),
      'key.converter': AVRO,
      'key.converter.schema.registry.url': 'http://sr:8081',
      'key.converter.basic.auth.credentials.source': 'USER_INFO',
    });
    assert.deepEqual(problems, [
      'key.converter.basic.auth.user.info: is required when key.converter.basic.auth.credentials.source is USER_INFO',
      'value.converter.basic.auth.credentials.source = "USER_INFO": cannot be set together with value.converter.bearer.auth.credentials.source: a registry client uses one kind of authentication',
      'value.converter.basic.auth.user.info = [hidden]: must be USERNAME:PASSWORD',
      'value.converter.bearer.auth.token: is required when value.converter.bearer.auth.credentials.source is STATIC_TOKEN',
    ]);
    assert.ok(!problems.join('\n').includes('no-colon-secret'));
  });

  it('refuses JKS stores and reading options it does not implement, saying what to do', () => {
    const problems = problemsOf(
      avroValue({
        'value.converter.schema.registry.ssl.truststore.type': 'JKS',
        'value.converter.schema.registry.ssl.keystore.type': 'JKS',
        'value.converter.scrub.invalid.names': 'true',
        'value.converter.int.for.enums': 'false',
        'value.converter.value.subject.name.strategy': 'com.example.MyStrategy',
      }),
    );
    const find = (word: string) => problems.find((p) => p.includes(word)) ?? '';
    assert.equal(problems.length, 4);
    assert.match(
      find('truststore'),
      /truststore.type = "JKS": not supported: JKS stores \(supported: PEM\); convert/,
    );
    assert.match(
      find('keystore'),
      /keystore.type = "JKS": not supported: JKS stores \(supported: PEM, PKCS12\)/,
    );
    assert.match(find('scrub'), /scrub.invalid.names = "true": not supported: .*remove it/);
    assert.match(
      find('strategy'),
      /value.subject.name.strategy = "com.example.MyStrategy": must be one of/,
    );
  });

  it('reads TLS material locations and turns the host check off only when asked', () => {
    const files = writeTempFiles({ 'ca.pem': 'pem', 'client.p12': 'p12' });
    const registry = optionsFromConnectProperties(
      minimalProperties(
        avroValue({
          'value.converter.schema.registry.ssl.truststore.location': files['ca.pem'],
          'value.converter.schema.registry.ssl.keystore.type': 'PKCS12',
          'value.converter.schema.registry.ssl.keystore.location': files['client.p12'],
          'value.converter.schema.registry.ssl.keystore.password': 'store-pass',
          'value.converter.schema.registry.ssl.endpoint.identification.algorithm': '',
        }),
      ),
    ).valueConverter.schemaRegistry;
    assert.equal(registry?.tls.truststoreLocation, files['ca.pem']);
    assert.equal(registry?.tls.keystoreType, 'PKCS12');
    assert.equal(registry?.tls.verifyHostname, false);
    assert.match(
      problemsOf(
        avroValue({ 'value.converter.schema.registry.ssl.truststore.location': '/nope' }),
      )[0],
      /must name a readable file/,
    );
  });

  it('masks registry secrets in the configuration shown to people', () => {
    const { maskedProperties } = optionsFromConnectProperties(
      minimalProperties(
        avroValue({
          'value.converter.basic.auth.credentials.source': 'USER_INFO',
          'value.converter.basic.auth.user.info': 'u:secret',
          'key.converter.bearer.auth.token': 'tok',
          'value.converter.schema.registry.ssl.keystore.password': 'kp',
          'value.converter.schema.registry.ssl.keystore.key': '-----BEGIN PRIVATE KEY-----',
        }),
      ),
    );
    for (const name of [
      'value.converter.basic.auth.user.info',
      'key.converter.bearer.auth.token',
      'value.converter.schema.registry.ssl.keystore.password',
      'value.converter.schema.registry.ssl.keystore.key',
    ]) {
      assert.equal(maskedProperties[name], '[hidden]', name);
    }
  });

  it('takes the same settings as typed module options', () => {
    const options = optionsFromModuleOptions({
      name: 'orders-sink',
      topics: ['orders'],
      kafka: { bootstrapServers: ['localhost:9092'] },
      lambda: { functionName: 'process-orders' },
      valueConverter: {
        kind: 'avro',
        schemasEnable: false,
        schemaRegistry: {
          urls: ['https://sr1:8081', 'https://sr2:8081'],
          basicAuth: { username: 'u', password: 'typed-secret' },
          tls: { keystoreType: 'PEM', verifyHostname: false },
          cacheCapacity: 5,
        },
      },
    } as Parameters<typeof optionsFromModuleOptions>[0]);
    const registry = options.valueConverter.schemaRegistry;
    assert.deepEqual(registry?.urls, ['https://sr1:8081', 'https://sr2:8081']);
    assert.deepEqual(registry?.basicAuth, { username: 'u', password: 'typed-secret' });
    assert.equal(registry?.tls.verifyHostname, false);
    assert.equal(registry?.cacheCapacity, 5);
    assert.ok(!JSON.stringify(options.maskedProperties).includes('typed-secret'));
  });
});
