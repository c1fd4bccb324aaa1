/** Injection token of the validated `LambdaSinkOptions`. */
export const LAMBDA_SINK_OPTIONS = 'LAMBDA_SINK:OPTIONS';
