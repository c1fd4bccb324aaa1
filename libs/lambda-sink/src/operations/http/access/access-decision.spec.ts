import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideAccess, type RestCredentials } from './access-decision';
import { parseBasicAuthUsers } from './basic-auth-users';
import { isLoopbackAddress } from './loopback-address';

const basic = (userPassword: string) => `Basic ${Buffer.from(userPassword).toString('base64')}`;
const users: RestCredentials = { users: new Map([['ops', 's3cret-pw']]) };
const token: RestCredentials = { bearerToken: 'tok-123456' };
const remote = '10.1.2.3';

describe('REST access decisions', () => {
  it('lets loopback in and keeps everyone else out when no credentials are configured', () => {
    for (const address of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1']) {
      assert.equal(decideAccess({ remoteAddress: address }, {}).allowed, true, address);
    }
    for (const address of [remote, '::ffff:10.0.0.1', 'fe80::1', '0.0.0.0', undefined]) {
      const decision = decideAccess({ remoteAddress: address, authorization: basic('a:b') }, {});
      assert.deepEqual(
        [decision.allowed, !decision.allowed && decision.status],
        [false, 403],
        String(address),
      );
    }
  });

  it('accepts the right Basic user and password, from anywhere', () => {
    const decision = decideAccess(
      { remoteAddress: remote, authorization: basic('ops:s3cret-pw') },
      users,
    );
    assert.deepEqual(decision, { allowed: true, principal: 'ops' });
  });

  it('accepts the right bearer token', () => {
    const decision = decideAccess(
      { remoteAddress: remote, authorization: 'Bearer tok-123456' },
      token,
    );
    assert.equal(decision.allowed, true);
  });

  it('refuses missing, wrong and malformed credentials with 401, never echoing them', () => {
    const cases: Array<[string | undefined, RestCredentials, RegExp]> = [
      [undefined, users, /Credentials required/],
      ['', users, /Credentials required/],
      [basic('ops:wrong-pw'), users, /Invalid credentials/],
      [basic('nobody:s3cret-pw'), users, /Invalid credentials/],
      ['Basic not*base64!', users, /Malformed/],
      [basic('no-colon-here'), users, /Malformed/],
      ['Basic', users, /Malformed/],
      ['Digest abc', users, /Malformed/],
      ['Bearer tok-123456', users, /not accepted/],
      ['Bearer wrong-token', token, /Invalid credentials/],
      [basic('ops:s3cret-pw'), token, /not accepted/],
      ['Bearer a b', token, /Malformed/],
    ];
    for (const [authorization, credentials, message] of cases) {
      const decision = decideAccess({ remoteAddress: '127.0.0.1', authorization }, credentials);
      assert.equal(decision.allowed, false, String(authorization));
      if (decision.allowed) continue;
      assert.equal(decision.status, 401);
      assert.match(decision.message, message);
      assert.ok(decision.challenge, 'a WWW-Authenticate challenge');
      for (const secret of ['wrong', 'nobody', 'tok-', 's3cret', 'base64!', 'no-colon']) {
        assert.ok(!decision.message.includes(secret), `${decision.message} echoes input`);
      }
    }
  });
});

describe('loopback addresses', () => {
  it('are 127.0.0.0/8 and ::1 only', () => {
    assert.equal(isLoopbackAddress('127.0.0.1'), true);
    assert.equal(isLoopbackAddress('::1'), true);
    assert.equal(isLoopbackAddress('::ffff:127.0.0.2'), true);
    assert.equal(isLoopbackAddress('128.0.0.1'), false);
    assert.equal(isLoopbackAddress('::ffff:192.168.1.1'), false);
    assert.equal(isLoopbackAddress('::2'), false);
  });
});

describe("Connect's Basic auth users file", () => {
  it('reads `user: password[,role…]` lines, roles ignored', () => {
    const parsed = parseBasicAuthUsers('f', '# users\nops: s3cret,admin,user\nbob=pw2\n');
    assert.deepEqual(
      [...parsed],
      [
        ['ops', 's3cret'],
        ['bob', 'pw2'],
      ],
    );
  });

  it('refuses Jetty-encoded passwords and an empty file', () => {
    assert.throws(() => parseBasicAuthUsers('f', 'ops: OBF:1w8t1tvf'), /OBF-encoded/);
    assert.throws(() => parseBasicAuthUsers('f', '# nobody\n'), /defines no user/);
  });
});
