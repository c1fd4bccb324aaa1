import { apiMessages } from '../lambda-local.messages';

/** Who the real service blames: its `Type` field. */
export type ErrorFaultType = 'User' | 'Service';

/**
 * An error answer of the Lambda API, in the shape the real service sends: status code,
 * `x-amzn-ErrorType` header and a JSON body with `Type` and the message. The SDK picks the
 * exception class from the header, so the header must be exact; the body's message key
 * follows the SDK's model of each exception (some are `message`, some `Message`), so the
 * deserialized exception has its message member filled like against AWS.
 */
export class LambdaApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
    readonly faultType: ErrorFaultType,
    readonly messageKey: 'message' | 'Message' = 'Message',
    /** Extra body members, e.g. TooManyRequestsException's `Reason`. */
    readonly extraBody: Readonly<Record<string, unknown>> = {},
    /** Extra headers, e.g. `Retry-After`. */
    readonly extraHeaders: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = errorType;
  }

  body(): string {
    return JSON.stringify({
      Type: this.faultType,
      [this.messageKey]: this.message,
      ...this.extraBody,
    });
  }
}

/** Server error types the SDK models with a lower-case `message` member. */
const LOWER_CASE_MESSAGE_TYPES = new Set(['ResourceNotReadyException']);

/** The default error type for each injectable 5xx status. */
const SERVER_ERROR_TYPES: Readonly<Record<number, string>> = {
  500: 'ServiceException',
  502: 'ResourceNotReadyException',
  503: 'ServiceUnavailableException',
  504: 'GatewayTimeoutException',
};

export const apiErrors = {
  resourceNotFound: (arn: string) =>
    new LambdaApiError(404, 'ResourceNotFoundException', apiMessages.functionNotFound(arn), 'User'),

  invalidFunctionName: (value: string) =>
    new LambdaApiError(400, 'ValidationException', apiMessages.invalidFunctionName(value), 'User'),

  invalidInvocationType: (value: string) =>
    new LambdaApiError(
      400,
      'ValidationException',
      apiMessages.invalidInvocationType(value),
      'User',
    ),

  qualifierMismatch: () =>
    new LambdaApiError(
      400,
      'InvalidParameterValueException',
      apiMessages.qualifierMismatch(),
      'User',
      'message',
    ),

  requestTooLarge: (limit: number, operation: string) =>
    new LambdaApiError(
      413,
      'RequestTooLargeException',
      apiMessages.requestTooLarge(limit, operation),
      'User',
      'message',
    ),

  invalidRequestContent: (detail: string) =>
    new LambdaApiError(
      400,
      'InvalidRequestContentException',
      apiMessages.invalidJson(detail),
      'User',
      'message',
    ),

  tooManyRequests: (reason: string, retryAfterSeconds: number) =>
    new LambdaApiError(
      429,
      'TooManyRequestsException',
      apiMessages.rateExceeded(),
      'User',
      'message',
      { Reason: reason },
      { 'Retry-After': String(retryAfterSeconds) },
    ),

  serverError: (status: number, errorType?: string) => {
    const type = errorType ?? SERVER_ERROR_TYPES[status] ?? 'ServiceException';
    const key = LOWER_CASE_MESSAGE_TYPES.has(type) ? 'message' : 'Message';
    return new LambdaApiError(status, type, apiMessages.serviceError(status), 'Service', key);
  },

  accessDenied: (accountId: string, action: 'InvokeFunction' | 'GetFunction', arn: string) =>
    new LambdaApiError(
      403,
      'AccessDeniedException',
      apiMessages.accessDenied(accountId, action, arn),
      'User',
    ),

  unknownOperation: (method: string, path: string) =>
    new LambdaApiError(
      404,
      'UnknownOperationException',
      apiMessages.unknownOperation(method, path),
      'User',
    ),

  invalidUri: () =>
    new LambdaApiError(
      400,
      'InvalidParameterValueException',
      apiMessages.invalidUri(),
      'User',
      'message',
    ),
} as const;
