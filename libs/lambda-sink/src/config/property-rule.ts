import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * A check returns what is wrong (a message from `config-messages`) or undefined when the value
 * is fine. Writing rules this way keeps the condition and its message side by side, instead of
 * class-validator's split between `validate()` and `defaultMessage()`.
 */
export type PropertyCheck<T extends object = object> = (
  value: string,
  properties: T,
) => string | undefined;

export type OptionalPropertyCheck<T extends object = object> = (
  value: string | undefined,
  properties: T,
) => string | undefined;

/** A rule on a set value; an unset property passes (whether it must be set is a separate rule). */
export function PropertyRule<T extends object>(name: string, check: PropertyCheck<T>) {
  return AnyValueRule<T>(name, (value, properties) =>
    value === undefined ? undefined : check(value, properties),
  );
}

/** A rule that also runs when the property is unset: requiredness and cross-field rules. */
export function AnyValueRule<T extends object>(
  name: string,
  check: OptionalPropertyCheck<T>,
): PropertyDecorator {
  const run = (args: ValidationArguments) =>
    check(args.value as string | undefined, args.object as T);
  return ValidateBy({
    name,
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => !args || run(args) === undefined,
      defaultMessage: (args?: ValidationArguments) => (args && run(args)) ?? '',
    },
  });
}
