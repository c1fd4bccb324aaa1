/**
 * kafkajs passes TLS failures on as OpenSSL's text ("…:sslv3 alert bad certificate:…:SSL alert
 * number 42"), which says what broke but not which setting fixes it. Startup errors add that.
 * Only the cause text is read, and the hints name settings, never values.
 */
const HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /alert (bad certificate|certificate required|certificate unknown|unknown ca)|alert number (42|46|48|116)\b/i,
    'the broker refused the client certificate (mutual TLS): set ssl.certificate.location and ' +
      'ssl.key.location (or ssl.keystore.location) to a certificate signed by a CA the broker trusts',
  ],
  [
    /self[- ]signed certificate|unable to get (local )?issuer certificate|unable to verify the first certificate/i,
    "the broker's certificate is not signed by a CA the client trusts: set ssl.ca.location (or a " +
      'PEM ssl.truststore.location) to the CA that signed it',
  ],
  [
    /Hostname\/IP does not match certificate's altnames/i,
    "the broker's certificate does not name the host the client connected to: use a host name " +
      'the certificate lists (in bootstrap.servers and the broker’s advertised.listeners), or set ' +
      'ssl.endpoint.identification.algorithm= (empty) to skip the check',
  ],
  [
    /certificate has expired|certificate is not yet valid/i,
    'a certificate is outside its validity period',
  ],
  [
    /mac verify failure|bad decrypt|unsupported pkcs12/i,
    'the keystore or key could not be opened: check ssl.keystore.password / ssl.key.password',
  ],
  [
    /wrong version number|packet length too long|unexpected eof while reading|socket disconnected before secure TLS connection/i,
    'the port may not speak TLS, or speaks another protocol: check security.protocol against the ' +
      "broker's listener",
  ],
];

/** `; hint` for a recognised Kafka connection failure, else ''. */
export function kafkaCauseHint(cause: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(cause))?.[1];
  return hint ? ` (${hint})` : '';
}
