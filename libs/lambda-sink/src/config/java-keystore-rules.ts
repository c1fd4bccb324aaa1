import * as m from './config-messages';
import type { KafkaSecurityProperties } from './kafka-security-properties';
import { PropertyRule } from './property-rule';

/** The Java client's store types; it reads both stores as JKS unless told otherwise. */
export const STORE_TYPES = ['JKS', 'PKCS12', 'PEM'] as const;
export type StoreType = (typeof STORE_TYPES)[number];
export const DEFAULT_STORE_TYPE: StoreType = 'JKS';

/**
 * `ssl.truststore.location` is honoured when it is PEM (then it is `ssl.ca.location` by another
 * name). A JKS or PKCS12 truststore is refused at startup rather than skipped: skipped, the
 * client would fall back to the system CAs and fail later with a certificate error that does not
 * point at the setting.
 */
export const IsReadableTruststore = () =>
  PropertyRule<KafkaSecurityProperties>('isReadableTruststore', (_value, group) => {
    const type = group.resolve('ssl.truststore.type');
    const storeType = type.value?.toUpperCase() ?? DEFAULT_STORE_TYPE;
    if (storeType !== 'PEM') return m.truststoreNotPem(type.property, storeType);
    const ca = group.resolve('ssl.ca.location');
    return ca.own && ca.value !== undefined ? m.exclusiveWith(ca.property) : undefined;
  });

/**
 * `ssl.keystore.location`: PKCS12 is handed to Node as `pfx`, PEM (key and certificate chain in
 * one file) as both `key` and `cert`; JKS is refused, with the command that converts it.
 */
export const IsReadableKeystore = () =>
  PropertyRule<KafkaSecurityProperties>('isReadableKeystore', (_value, group) => {
    const type = group.resolve('ssl.keystore.type');
    if ((type.value?.toUpperCase() ?? DEFAULT_STORE_TYPE) === 'JKS')
      return m.keystoreIsJks(type.property);
    const certificate = group.resolve('ssl.certificate.location');
    return certificate.own && certificate.value !== undefined
      ? m.exclusiveWith(certificate.property)
      : undefined;
  });
