import type { Converter } from './converter';

/**
 * Connect's `ByteArrayConverter`: the raw bytes, which JSON can only carry as a base64 string
 * (what the Confluent connector sends for byte[] data).
 */
export class ByteArrayConverter implements Converter {
  readonly connectClass = 'org.apache.kafka.connect.converters.ByteArrayConverter';

  toConnectData(bytes: Buffer | null): string | null {
    return bytes === null ? null : bytes.toString('base64');
  }
}
