// Every message Lambda Local produces, in one place. API messages copy the wording of the
// real Lambda service, so logs and assertions written against AWS read the same here.

export const apiMessages = {
  functionNotFound: (arn: string) => `Function not found: ${arn}`,
  invalidFunctionName: (value: string) =>
    `1 validation error detected: Value '${value}' at 'functionName' failed to satisfy constraint: ` +
    `Member must satisfy regular expression pattern: ` +
    `(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
  invalidInvocationType: (value: string) =>
    `1 validation error detected: Value '${value}' at 'invocationType' failed to satisfy constraint: ` +
    `Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
  qualifierMismatch: () =>
    'The derived qualifier from the function name does not match the specified qualifier.',
  requestTooLarge: (limit: number, operation: string) =>
    `Request must be smaller than ${limit} bytes for the ${operation} operation`,
  invalidJson: (detail: string) =>
    `Could not parse request body into json: Could not parse payload into json: ${detail}`,
  rateExceeded: () => 'Rate Exceeded.',
  serviceError: (status: number) => `Lambda Local injected a ${status} service error.`,
  accessDenied: (accountId: string, action: string, arn: string) =>
    `User: arn:aws:iam::${accountId}:user/lambda-local is not authorized to perform: ` +
    `lambda:${action} on resource: ${arn} because no identity-based policy allows the ` +
    `lambda:${action} action`,
  unknownOperation: (method: string, path: string) => `Unknown operation ${method} ${path}`,
  invalidUri: () => 'The request URI is not valid percent-encoding.',
  injectedFunctionError: () => 'Lambda Local injected a function error.',
  taskTimedOut: (requestId: string, seconds: number) =>
    `RequestId: ${requestId} Error: Task timed out after ${seconds.toFixed(2)} seconds`,
  responseTooLarge: (limit: number) =>
    `Response payload size exceeded maximum allowed payload size (${limit} bytes).`,
  unserializableResult: (detail: string) => `Unable to stringify response body: ${detail}`,
} as const;

export const localMessages = {
  invalidFaults: (functionName: string) => `Invalid faults for function '${functionName}':`,
  handlerLoadFailed: (dir: string) => `Could not load the handler modules in ${dir}:`,
  missingHandler: (file: string) => `${file} exports no function named 'handler'`,
  handlerNotFunction: (name: string) => `the handler of '${name}' is not a function`,
  unreadableDir: (detail: string) => `the folder cannot be read: ${detail}`,
  importFailed: (file: string, detail: string) => `${file} failed to load: ${detail}`,
  duplicateFunction: (name: string, files: readonly string[]) =>
    `function '${name}' is defined by more than one file: ${files.join(', ')}`,
  invalidFunction: (name: string) => `Invalid function '${name}':`,
  badFunctionName: (name: string) =>
    `'${name}' is not a Lambda function name (1-64 letters, digits, '-' or '_')`,
  badVersion: (version: string) => `version '${version}' must be digits (or $LATEST)`,
  badAlias: (alias: string) =>
    `alias '${alias}' must be 1-128 letters, digits, '-' or '_', and not only digits`,
  aliasTarget: (alias: string, target: string) =>
    `alias '${alias}' points to '${target}', which is neither $LATEST nor a listed version`,
  badPositive: (field: string, value: unknown) =>
    `${field} must be a positive number, got ${JSON.stringify(value)}`,
} as const;
