import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessDecision } from './access-decision';
import { RestAccessPolicy } from './rest-access-policy';

/** Carries out a decision: lets the request through, or answers 401/403 in Connect's error shape. */
function enforce(decision: AccessDecision, context: ExecutionContext): true {
  if (decision.allowed) return true;
  const request = context.switchToHttp().getRequest<IncomingMessage>();
  // A browser answers a Basic challenge with its own login dialog, which would block the status
  // page's fetch; the page marks its requests and asks in its own form instead.
  if (decision.challenge && request.headers['x-requested-with'] === undefined) {
    context
      .switchToHttp()
      .getResponse<ServerResponse>()
      .setHeader('WWW-Authenticate', decision.challenge);
  }
  throw new HttpException(
    { error_code: decision.status, message: decision.message },
    decision.status,
  );
}

function accessRequest(context: ExecutionContext) {
  const request = context.switchToHttp().getRequest<IncomingMessage>();
  return {
    authorization: request.headers.authorization,
    remoteAddress: request.socket.remoteAddress,
  };
}

/** Guards a handler that changes the sink's state. */
@Injectable()
export class OperatorAccessGuard implements CanActivate {
  constructor(private readonly policy: RestAccessPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    return enforce(this.policy.decide(accessRequest(context)), context);
  }
}

/** Guards `/metrics`, open unless `rest.auth.metrics.required`. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(private readonly policy: RestAccessPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    return enforce(this.policy.decideMetrics(accessRequest(context)), context);
  }
}

/** Marks a handler as one that changes state: it needs credentials, or loopback without them. */
export const ChangesState = () => UseGuards(OperatorAccessGuard);
