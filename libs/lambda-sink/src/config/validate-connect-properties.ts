import { validateSync, type ValidationError } from 'class-validator';
import { configProblem, formatProblem, type ConfigProblem } from './config-validation-error';
import { LambdaSinkProperties } from './lambda-sink-properties';

type Values = Record<string, string | undefined>;

/**
 * Every problem with a property map, from one class-validator run over all its groups.
 * `writtenAs` renames a property in the problems to what the user actually wrote (an alias such
 * as `confluent.topic.replication.factor`, or a typed option path such as `lambda.batchSize`).
 */
export function validateConnectProperties(
  properties: Values,
  writtenAs: Record<string, string> = {},
): ConfigProblem[] {
  const errors = validateSync(new LambdaSinkProperties(properties), {
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  });
  const problems = new Map<string, ConfigProblem>();
  const collect = (list: ValidationError[], prefix: string) => {
    for (const error of list) {
      if (error.children?.length) {
        // A nested group: its properties carry Connect names, after the group's prefix if any.
        const group = error.value as { prefix?: string } | undefined;
        collect(error.children, prefix + (group?.prefix ?? ''));
        continue;
      }
      const name = prefix + error.property;
      for (const message of Object.values(error.constraints ?? {})) {
        const problem = configProblem(writtenAs[name] ?? name, properties[name], message, name);
        // One alias can feed two properties (confluent.topic.replication.factor): say it once.
        problems.set(formatProblem(problem), problem);
      }
    }
  };
  collect(errors, '');
  return [...problems.values()];
}
