import { registerAs } from '@nestjs/config';
import {
  optionsFromConnectProperties,
  type LambdaSinkOptions,
} from '../../../libs/lambda-sink/src';

/** The namespace `ConfigService` serves the sink's configuration under. */
export const SINK_CONFIG = 'lambdaSink';

export interface SinkConfig {
  /** The Connect properties as read: properties file, worker file and LAMBDA_SINK_* variables. */
  properties: Record<string, string>;
  /** The same, validated by the module's class-validator schema. */
  options: LambdaSinkOptions;
}

/**
 * `@nestjs/config`'s `load` entry of the standalone service. The schema runs here rather than in
 * ConfigModule's `validate`, because `validate` only ever sees environment variables, and the
 * sink's configuration is the properties file and the environment together: validating either
 * alone would miss a property required in one and given in the other.
 */
export function sinkConfiguration(properties: Record<string, string>) {
  return registerAs(SINK_CONFIG, (): SinkConfig => ({
    properties,
    options: optionsFromConnectProperties(properties),
  }));
}
