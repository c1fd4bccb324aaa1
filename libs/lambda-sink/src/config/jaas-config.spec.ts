import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildJaasConfig,
  JaasParseError,
  parseJaasConfig,
  PLAIN_LOGIN_MODULE,
  SCRAM_LOGIN_MODULE,
} from './jaas-config';

describe('parseJaasConfig', () => {
  it('reads a PlainLoginModule string with double quotes', () => {
    const jaas = parseJaasConfig(
      `${PLAIN_LOGIN_MODULE} required username="alice" password="pa;ss word";`,
    );
    assert.deepEqual(jaas, {
      loginModule: PLAIN_LOGIN_MODULE,
      flag: 'required',
      options: { username: 'alice', password: 'pa;ss word' },
    });
  });

  it('reads a ScramLoginModule string with single quotes, spread over lines', () => {
    const jaas = parseJaasConfig(
      `  ${SCRAM_LOGIN_MODULE} required\n  username='bob'\n  password='s"cret' ;  `,
    );
    assert.equal(jaas.loginModule, SCRAM_LOGIN_MODULE);
    assert.deepEqual(jaas.options, { username: 'bob', password: 's"cret' });
  });

  it('reads escaped quotes and unquoted values', () => {
    const jaas = parseJaasConfig(
      `${SCRAM_LOGIN_MODULE} required username=bob password="a\\"b\\\\c" tokenauth=true;`,
    );
    assert.deepEqual(jaas.options, { username: 'bob', password: 'a"b\\c', tokenauth: 'true' });
  });

  it('rejects malformed strings with reasons that never contain the password', () => {
    const cases = [
      `${PLAIN_LOGIN_MODULE} username="u" password="secret1";`,
      `${PLAIN_LOGIN_MODULE} required username="u" password="secret1"`,
      `${PLAIN_LOGIN_MODULE} required username="u" password="secret1;`,
      `${PLAIN_LOGIN_MODULE} required username="u" password=secret1 secret2;`,
      `${PLAIN_LOGIN_MODULE} required username="u"; ${SCRAM_LOGIN_MODULE} required;`,
      'username="u" password="secret1";',
    ];
    for (const text of cases) {
      assert.throws(
        () => parseJaasConfig(text),
        (error: unknown) => error instanceof JaasParseError && !error.message.includes('secret'),
        text,
      );
    }
  });
});

describe('buildJaasConfig', () => {
  it('builds a string parseJaasConfig reads back, with the module for the mechanism', () => {
    const credentials = { username: 'a"b', password: 'c\\d' };
    assert.deepEqual(parseJaasConfig(buildJaasConfig('SCRAM-SHA-256', credentials)), {
      loginModule: SCRAM_LOGIN_MODULE,
      flag: 'required',
      options: credentials,
    });
    assert.equal(
      parseJaasConfig(buildJaasConfig(undefined, credentials)).loginModule,
      PLAIN_LOGIN_MODULE,
    );
  });
});
