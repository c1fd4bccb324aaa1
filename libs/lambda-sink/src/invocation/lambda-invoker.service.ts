import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import { LAMBDA_SINK_OPTIONS } from '../lambda-sink.constants';
import { FunctionRouter } from './function-router';
import type { InFlightLimiter } from './in-flight-limiter';
import { validateFunctions } from './function-validator';
import type { InvokeTransport } from './invoke-transport';
import { createInvokeTransport } from './invoke-transport-factory';
import { createLambdaClient, resolveRegion } from './lambda-client-factory';
import {
  LambdaInvoker,
  type InvocationResult,
  type InvocationTarget,
  type InvokerObserver,
  type RetryPlan,
} from './lambda-invoker';

/** Injection token of a `LambdaClient` a host provides (tests, custom credentials). */
export const LAMBDA_SINK_LAMBDA_CLIENT = 'LAMBDA_SINK:LAMBDA_CLIENT';

/**
 * The sink's Lambda side as one Nest provider: which function each topic invokes, the startup
 * check of those functions, and the invocation of a batch with the sink's retries. A host may
 * replace it (`overrideProvider(LambdaInvokerService)`) to invoke something else than Lambda;
 * the pipeline calls only `validate`, `open`, `invoke` and `close`.
 */
@Injectable()
export class LambdaInvokerService {
  /** Which function each topic invokes (`aws.lambda.function.name` or the topic's map entry). */
  readonly functions: FunctionRouter;
  private readonly logger = new Logger('LambdaSink');
  private readonly lambdaClient: LambdaClient;
  private readonly lambdaClientInjected: boolean;
  private transport?: InvokeTransport;
  private invoker?: LambdaInvoker;

  constructor(
    @Inject(LAMBDA_SINK_OPTIONS) private readonly options: LambdaSinkOptions,
    @Optional() @Inject(LAMBDA_SINK_LAMBDA_CLIENT) lambdaClient?: LambdaClient,
  ) {
    this.functions = FunctionRouter.fromOptions(options.lambda);
    this.lambdaClient = lambdaClient ?? createLambdaClient(options.lambda);
    this.lambdaClientInjected = lambdaClient !== undefined;
  }

  /** Startup: every function exists and may be invoked (unless `aws.lambda.validate=false`). */
  async validate(): Promise<void> {
    if (!this.options.lambda.validate) return;
    await validateFunctions(
      this.lambdaClient,
      this.functions.functions,
      resolveRegion(this.options.lambda),
    );
  }

  /**
   * Opens the invoke path (an invoke thread when configured); `observer` sees every attempt, and
   * each attempt holds a slot of `limiter` (the process-wide, adaptive in-flight limit).
   */
  open(observer: InvokerObserver, limiter?: InFlightLimiter): void {
    const { transport, warning } = createInvokeTransport(
      this.options.lambda,
      this.lambdaClient,
      this.lambdaClientInjected,
    );
    if (warning) this.logger.warn(warning);
    this.transport = transport;
    this.invoker = new LambdaInvoker(
      transport,
      {
        ...this.options.lambda,
        region: resolveRegion(this.options.lambda),
        functions: this.functions,
      },
      observer,
      limiter,
    );
  }

  /** One batch to its topic's function, with the sink's retries of transient errors. */
  invoke(
    payload: Uint8Array,
    target: InvocationTarget,
    signal?: AbortSignal,
    plan?: RetryPlan,
  ): Promise<InvocationResult> {
    if (!this.invoker) throw new Error('LambdaInvokerService.invoke before open()');
    return this.invoker.invoke(payload, target, signal, plan);
  }

  async close(): Promise<void> {
    const transport = this.transport;
    this.transport = undefined;
    this.invoker = undefined;
    await transport?.close();
  }
}
