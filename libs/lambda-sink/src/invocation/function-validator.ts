import { GetFunctionCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { StartupValidationError } from '../errors/lambda-errors';
import { describeError, messages } from '../errors/messages';

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
