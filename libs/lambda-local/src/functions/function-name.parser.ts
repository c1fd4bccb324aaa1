/** A `FunctionName` path label taken apart. */
export interface ParsedFunctionName {
  /** The function's own name, e.g. `my-function`. */
  name: string;
  /** A version or alias given inside the name (`name:alias`, or an ARN's last part). */
  qualifier?: string;
  region?: string;
  accountId?: string;
}

/**
 * The forms the API accepts: `name`, `name:qualifier`, `123456789012:function:name[:q]`
 * (partial ARN) and `arn:aws:lambda:us-east-1:123456789012:function:name[:q]` (full ARN).
 * Same pattern as the API model's, minus the `.` it lets through but function names forbid.
 */
const FUNCTION_NAME_PATTERN =
  /^(?:arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\d):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;

/** Returns `undefined` when the value is not any accepted form. */
export function parseFunctionName(value: string): ParsedFunctionName | undefined {
  const match = FUNCTION_NAME_PATTERN.exec(value);
  if (!match) return undefined;
  const [, region, accountId, name, qualifier] = match;
  // A full ARN needs the account; without it the region part alone is not a form AWS accepts.
  if (region !== undefined && accountId === undefined) return undefined;
  return { name, qualifier, region, accountId };
}
