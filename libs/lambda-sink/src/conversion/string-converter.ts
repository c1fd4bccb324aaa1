import type { Converter } from './converter';

/** Connect's `StringConverter` (the default): the bytes as a UTF-8 string. */
export class StringConverter implements Converter {
  readonly connectClass = 'org.apache.kafka.connect.storage.StringConverter';

  toConnectData(bytes: Buffer | null): string | null {
    // Invalid UTF-8 becomes U+FFFD rather than an error, as Java's String decoding does.
    return bytes === null ? null : bytes.toString('utf8');
  }
}
