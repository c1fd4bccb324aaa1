import { Inject } from '@nestjs/common';
import { LAMBDA_SINK_OPTIONS } from './lambda-sink.constants';

/**
 * Injects the sink's validated `LambdaSinkOptions` (defaults applied, secrets kept out of
 * `maskedProperties`) into a host provider:
 * `constructor(@InjectLambdaSinkOptions() private readonly options: LambdaSinkOptions) {}`.
 */
export const InjectLambdaSinkOptions = (): ReturnType<typeof Inject> => Inject(LAMBDA_SINK_OPTIONS);
