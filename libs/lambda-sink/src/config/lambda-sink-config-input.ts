import type {
  KafkaConnectionOptions,
  LambdaOptions,
  LambdaSinkOptions,
} from './lambda-sink-options';
import { optionsFromConnectProperties, type ConnectProperties } from './connect-options';
import { propertiesFromTypedOptions } from './typed-options-properties';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K];
};

/** A Connect property map, exactly as in a `.properties` file. */
export interface LambdaSinkPropertiesInput {
  properties: ConnectProperties;
}

/**
 * Typed options: the shape of `LambdaSinkOptions` with everything optional except what has no
 * default. Leave a field out to get its default; `reporter.resultTopic: ''` disables the result
 * topic, as the empty property does. `kafka.saslUsername`/`saslPassword` replace the JAAS string.
 */
export type LambdaSinkTypedOptions = DeepPartial<
  Omit<LambdaSinkOptions, 'maskedProperties' | 'warnings' | 'kafka' | 'lambda'>
> & {
  name: string;
  kafka: DeepPartial<KafkaConnectionOptions> & Pick<KafkaConnectionOptions, 'bootstrapServers'>;
  lambda: DeepPartial<LambdaOptions> &
    (
      | { functionName: string }
      // Several functions (Confluent Cloud's aws.lambda.configuration.mode=multiple).
      | { configurationMode: 'multiple'; topicFunctions: Readonly<Record<string, string>> }
    );
};

/**
 * The configuration part of what `LambdaSinkModule.forRoot()` takes: a property map or typed
 * options. Other keys next to it (module settings such as `autoStart`) are ignored here.
 */
export type LambdaSinkConfigInput = LambdaSinkPropertiesInput | LambdaSinkTypedOptions;

/**
 * Validated options from either form. Typed options become a property map first, so they are
 * checked by the same rules, get the same defaults, and fail with the same `ConfigValidationError`
 * (naming the typed path, e.g. `lambda.batchSize`).
 */
export function optionsFromModuleOptions(input: LambdaSinkConfigInput): LambdaSinkOptions {
  if ('properties' in input) return optionsFromConnectProperties(input.properties);
  const { properties, writtenAs } = propertiesFromTypedOptions(input);
  return optionsFromConnectProperties(properties, { writtenAs });
}
