import type { TransformSpec } from '../../config/lambda-sink-options';
import { cast } from './cast';
import {
  extractField,
  flatten,
  hoistField,
  insertField,
  maskField,
  replaceField,
  valueToKey,
} from './field-transforms';
import { dropHeaders, filter, headerFrom, insertHeader } from './header-transforms';
import { hasHeaderKey, recordIsTombstone, topicNameMatches } from './predicates';
import { timestampConverter } from './timestamp-converter';
import type {
  Predicate,
  RecordSide,
  Transform,
  TransformConfig,
  TransformRecord,
} from './transform';

const PACKAGE = 'org.apache.kafka.connect.transforms.';

type TransformFactory = (config: TransformConfig) => Transform;

/** `Name$Key` and `Name$Value` from one factory taking the side. */
const bothSides = (
  name: string,
  factory: (config: TransformConfig, side: RecordSide) => Transform,
) => ({
  [`${PACKAGE}${name}$Key`]: (config: TransformConfig) => factory(config, 'key'),
  [`${PACKAGE}${name}$Value`]: (config: TransformConfig) => factory(config, 'value'),
});

/** Apache Kafka's transforms that make sense before a Lambda call, by class name. */
const TRANSFORMS: Readonly<Record<string, TransformFactory>> = {
  ...bothSides('InsertField', insertField),
  ...bothSides('ReplaceField', (config, side) => replaceField(config)(side)),
  ...bothSides('MaskField', maskField),
  ...bothSides('ExtractField', extractField),
  ...bothSides('HoistField', hoistField),
  [`${PACKAGE}ValueToKey`]: valueToKey,
  ...bothSides('Flatten', flatten),
  ...bothSides('Cast', cast),
  ...bothSides('TimestampConverter', timestampConverter),
  [`${PACKAGE}InsertHeader`]: insertHeader,
  [`${PACKAGE}DropHeaders`]: dropHeaders,
  ...bothSides('HeaderFrom', headerFrom),
  [`${PACKAGE}Filter`]: () => filter(),
};

const PREDICATES: Readonly<Record<string, (config: TransformConfig) => Predicate>> = {
  [`${PACKAGE}predicates.TopicNameMatches`]: topicNameMatches,
  [`${PACKAGE}predicates.HasHeaderKey`]: hasHeaderKey,
  [`${PACKAGE}predicates.RecordIsTombstone`]: () => recordIsTombstone(),
};

export const SUPPORTED_TRANSFORMS = Object.keys(TRANSFORMS);
export const SUPPORTED_PREDICATES = Object.keys(PREDICATES);

export const isSupportedTransform = (type: string) => type in TRANSFORMS;
export const isSupportedPredicate = (type: string) => type in PREDICATES;

/** One configured step: its alias and class for error reports, and what it does. */
export interface TransformStep {
  alias: string;
  type: string;
  apply(record: TransformRecord): TransformRecord | null;
}

/**
 * The configured transforms in order, each applied only where its predicate (negated with
 * `negate`) holds, as Connect runs them.
 * @throws TransformConfigError for a setting a transform or predicate cannot use.
 */
export function createTransformSteps(specs: readonly TransformSpec[]): TransformStep[] {
  return specs.map((spec) => {
    const transform = TRANSFORMS[spec.type](spec.config);
    const predicate = spec.predicate
      ? PREDICATES[spec.predicate.type](spec.predicate.config)
      : undefined;
    return {
      alias: spec.alias,
      type: spec.type,
      apply: (record) =>
        !predicate || predicate.test(record) !== spec.negate ? transform.apply(record) : record,
    };
  });
}

/** Builds one transform or predicate alone, to check its settings at startup. */
export function checkTransform(type: string, config: TransformConfig): void {
  TRANSFORMS[type](config);
}

export function checkPredicate(type: string, config: TransformConfig): void {
  PREDICATES[type](config);
}
