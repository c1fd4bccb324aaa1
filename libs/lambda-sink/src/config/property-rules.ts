import { accessSync, constants, statSync } from 'node:fs';
import * as m from './config-messages';
import { CONVERTER_CLASSES, converterKindOf } from './converter-classes';
import {
  CREDENTIALS_PROVIDER_FACTORIES,
  credentialsProviderFactoryOf,
  looksLikeJavaClassName,
} from './credentials-provider-classes';
import * as p from './property-parsers';
import { AnyValueRule, PropertyRule } from './property-rule';

/**
 * The property decorators the `*-properties.ts` classes are built from. Each checks the string
 * as written; unset values pass unless the rule is about being set.
 */

type Properties = Record<string, string | undefined>;

export const IsRequired = () =>
  AnyValueRule('isRequired', (value) => (value === undefined ? m.isRequired() : undefined));

/** Enumerations are matched ignoring case, as the Java client does for `security.protocol`. */
export const IsOneOf = (allowed: readonly string[]) =>
  PropertyRule('isOneOf', (value) =>
    allowed.some((option) => option.toLowerCase() === value.toLowerCase())
      ? undefined
      : m.mustBeOneOf(allowed),
  );

export const IsBooleanText = () =>
  PropertyRule('isBooleanText', (value) =>
    p.parseBoolean(value) === undefined ? m.mustBeBoolean() : undefined,
  );

export const IsIntegerText = (min: number, max = p.INT_MAX) =>
  PropertyRule('isIntegerText', (value) => {
    const parsed = p.parseInteger(value);
    return parsed === undefined || parsed < min || parsed > max
      ? m.mustBeInteger(min, max)
      : undefined;
  });

/** `-1` asks the broker for its `default.replication.factor`, as Connect's topic creation allows. */
export const IsReplicationFactor = () =>
  PropertyRule('isReplicationFactor', (value) => {
    const parsed = p.parseInteger(value);
    return parsed === -1 || (parsed !== undefined && parsed >= 1 && parsed <= 32767)
      ? undefined
      : m.mustBeReplicationFactor();
  });

export const IsHostPortList = () =>
  PropertyRule('isHostPortList', (value) => {
    const list = p.parseList(value);
    return list.length > 0 && list.every(p.isHostPort) ? undefined : m.mustBeHostPortList();
  });

export const IsTopicList = () =>
  PropertyRule('isTopicList', (value) => {
    const list = p.parseList(value);
    return list.length > 0 && list.every(p.isTopicName) ? undefined : m.mustBeTopicList();
  });

/** A topic name; empty is allowed where it means "disabled" (the reporter topics). */
export const IsTopicNameOrEmpty = () =>
  PropertyRule('isTopicName', (value) =>
    value === '' || p.isTopicName(value) ? undefined : m.mustBeTopicName(),
  );

export const IsRegex = () =>
  PropertyRule('isRegex', (value) => {
    const reason = p.regexProblem(value);
    return reason === undefined ? undefined : m.mustBeRegex(reason);
  });

export const IsLambdaFunctionName = () =>
  PropertyRule('isLambdaFunctionName', (value) =>
    p.isLambdaFunctionName(value) ? undefined : m.mustBeFunctionName(),
  );

export const IsAwsRegion = () =>
  PropertyRule('isAwsRegion', (value) => (p.isAwsRegion(value) ? undefined : m.mustBeRegion()));

export const IsHttpUrl = () =>
  PropertyRule('isHttpUrl', (value) => (p.isHttpUrl(value) ? undefined : m.mustBeHttpUrl()));

/** Connect's `listeners` is a list, e.g. `http://0.0.0.0:8083,https://0.0.0.0:8443`. */
export const IsHttpUrlList = () =>
  PropertyRule('isHttpUrlList', (value) => {
    const list = p.parseList(value);
    return list.length > 0 && list.every(p.isHttpUrl) ? undefined : m.mustBeHttpUrlList();
  });

/** PEM files are read when connecting; checking now turns a late TLS error into a clear one. */
export const IsReadableFile = () =>
  PropertyRule('isReadableFile', (value) => {
    try {
      accessSync(value, constants.R_OK);
      return statSync(value).isFile() ? undefined : m.mustBeReadableFile('not a regular file');
    } catch (error) {
      return m.mustBeReadableFile((error as NodeJS.ErrnoException).code ?? 'cannot be read');
    }
  });

export const IsConverterClass = () =>
  PropertyRule('isConverterClass', (value) =>
    converterKindOf(value) ? undefined : m.mustBeConverterClass(Object.values(CONVERTER_CLASSES)),
  );

export const IsConnectorClass = (accepted: readonly string[]) =>
  PropertyRule('isConnectorClass', (value) =>
    accepted.includes(value) ? undefined : m.mustBeConnectorClass(accepted),
  );

export const IsCredentialsProvider = () =>
  PropertyRule('isCredentialsProvider', (value) =>
    looksLikeJavaClassName(value) && !credentialsProviderFactoryOf(value)
      ? m.mustBeCredentialsProvider(Object.keys(CREDENTIALS_PROVIDER_FACTORIES))
      : undefined,
  );

/** Both or neither, e.g. `aws.access.key.id` and `aws.secret.access.key`. */
export const RequiredTogetherWith = (other: string, message = m.requiredTogether) =>
  AnyValueRule<Properties>('requiredTogetherWith', (value, properties) =>
    value === undefined && properties[other] !== undefined ? message(other) : undefined,
  );

/** Not below another property's value (its default when unset), e.g. a backoff ceiling. */
export const IsAtLeastProperty = (other: string, otherDefault: number) =>
  PropertyRule<Properties>('isAtLeastProperty', (value, properties) => {
    const self = p.parseInteger(value);
    const otherText = properties[other];
    const floor = otherText === undefined ? otherDefault : p.parseInteger(otherText);
    // A malformed number is reported by its own rule; only compare two readable ones.
    return self !== undefined && floor !== undefined && self < floor
      ? m.mustBeAtLeastProperty(other)
      : undefined;
  });
