import type { FaultInjector } from '../faults/fault-injector';
import type { FunctionRegistry } from '../functions/function-registry';
import type { InvocationLog } from '../invocations/invocation-log';

/** What the HTTP routes share: the state of one running Lambda Local. */
export interface ApiContext {
  readonly registry: FunctionRegistry;
  readonly faults: FaultInjector;
  readonly log: InvocationLog;
  readonly recordPayloads: boolean;
  /** `http://host:port`, known once the server listens. */
  readonly baseUrl: () => string;
}
