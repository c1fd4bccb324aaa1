import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kafkaCauseHint } from './kafka-cause-hints';

// Cause texts as kafkajs and Node's TLS produce them against the project's broker.
const openssl = (reason: string, alert: number) =>
  `KafkaJSNumberOfRetriesExceeded: Connection error: 80DCC4F57A7F0000:error:0A000412:SSL routines:` +
  `ssl3_read_bytes:sslv3 alert ${reason}:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number ${alert}`;

describe('kafkaCauseHint', () => {
  it('points a refused client certificate at the client certificate settings', () => {
    assert.match(kafkaCauseHint(openssl('bad certificate', 42)), /ssl\.certificate\.location/);
    assert.match(
      kafkaCauseHint(openssl('certificate unknown', 46)),
      /refused the client certificate/,
    );
  });

  it('points an untrusted broker certificate at ssl.ca.location', () => {
    assert.match(
      kafkaCauseHint('Connection error: self-signed certificate in certificate chain'),
      /not signed by a CA the client trusts: set ssl\.ca\.location/,
    );
  });

  it('explains a host name mismatch and the setting that skips the check', () => {
    const hint = kafkaCauseHint(
      "Connection error: Hostname/IP does not match certificate's altnames: IP: 127.0.0.2 is not in the cert's list: 127.0.0.1",
    );
    assert.match(hint, /does not name the host/);
    assert.match(hint, /ssl\.endpoint\.identification\.algorithm/);
  });

  it('adds nothing to causes it does not know', () => {
    assert.equal(kafkaCauseHint('SASL SCRAM SHA512 authentication failed'), '');
  });
});
