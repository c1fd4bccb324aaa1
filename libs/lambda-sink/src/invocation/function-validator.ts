import { GetFunctionCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { StartupValidationError } from '../errors/lambda-errors';
import { describeError, messages } from '../errors/messages';

/**
 * Every function the sink may invoke (one per topic in multiple mode), checked together so that
 * one startup names every function that is missing or not allowed, not only the first.
 */
export async function validateFunctions(
  client: LambdaClient,
  functionNames: readonly string[],
  region: string | undefined,
): Promise<void> {
  const outcomes = await Promise.allSettled(
    functionNames.map((name) => validateFunction(client, name, region)),
  );
  const failures = outcomes.flatMap((outcome) =>
    outcome.status === 'rejected' ? [outcome.reason as StartupValidationError] : [],
  );
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new StartupValidationError(
      messages.startupValidationFailedSeveral(failures.map((failure) => failure.message)),
      { functionName: failures.map((failure) => failure.context.functionName).join(',') },
      { cause: failures[0] },
    );
  }
}

/**
 * SPEC 6: before consuming anything, GetFunction proves the function exists and the
 * credentials can see it; a DryRun invocation proves they may invoke it. Both failures name
 * the function, the region and the AWS error.
 */
export async function validateFunction(
  client: LambdaClient,
  functionName: string,
  region: string | undefined,
): Promise<void> {
  const step = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      throw new StartupValidationError(
        messages.startupValidationFailed(functionName, region, name, describeError(error)),
        { functionName },
        { cause: error },
      );
    }
  };
  await step('GetFunction', () =>
    client.send(new GetFunctionCommand({ FunctionName: functionName })),
  );
  await step('Invoke (DryRun)', () =>
    client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'DryRun',
        Payload: Buffer.from('[]'),
      }),
    ),
  );
}
