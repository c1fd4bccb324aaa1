/**
 * Reading Connect property strings into values. The validation rules and the mapping to typed
 * options share these, so what passes validation is exactly what the mapping can read.
 */

export const INT_MAX = 2 ** 31 - 1;

/** Connect booleans: `true` / `false`, any case. */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** A Java int written in decimal; undefined for anything else (`1.5`, `1e3`, `0x10`, overflow). */
export function parseInteger(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return Math.abs(value) <= INT_MAX ? value : undefined;
}

/** Connect's LIST type: comma-separated, items trimmed, empty items dropped. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// Kafka's own rule (org.apache.kafka.common.internals.Topic): legal characters, at most 249.
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
export function isTopicName(name: string): boolean {
  return TOPIC_NAME.test(name) && name !== '.' && name !== '..';
}

// host:port, with IPv6 literals in brackets as the Java client writes them.
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/;
export function isHostPort(address: string): boolean {
  const match = HOST_PORT.exec(address);
  return match !== null && Number(match[2]) > 0 && Number(match[2]) <= 65535;
}

// The shapes Lambda's Invoke accepts for FunctionName (with an optional qualifier):
// my-function, 123456789012:function:my-function, arn:aws:lambda:us-east-1:123456789012:function:my-function.
const FUNCTION_NAME =
  /^(?:arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-[a-z]+)+-\d+):\d{12}:function:|\d{12}:function:)?[A-Za-z0-9_-]{1,64}(?::(?:\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
export function isLambdaFunctionName(name: string): boolean {
  return FUNCTION_NAME.test(name);
}

/** The region of a full function ARN, undefined for a name or partial ARN. */
export function regionOfFunctionArn(name: string): string | undefined {
  return FUNCTION_NAME.exec(name)?.[1];
}

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
export function isAwsRegion(region: string): boolean {
  return AWS_REGION.test(region);
}

/** An http(s) URL with a host, as `listeners` and `aws.lambda.endpoint` need. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Why a regular expression does not compile, or undefined when it does. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    // V8 writes "Invalid regular expression: /(/: Unterminated group"; keep the reason only.
    return message.slice(message.lastIndexOf(': ') + 2);
  }
}
