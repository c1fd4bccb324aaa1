import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { readFileSync, statSync } from 'node:fs';
import type { LambdaSinkOptions } from '../../../config/lambda-sink-options';
import { describeError } from '../../../errors/messages';
import { LAMBDA_SINK_OPTIONS } from '../../../lambda-sink.constants';
import { decideAccess, type AccessDecision, type AccessRequest } from './access-decision';
import * as m from './access.messages';
import { parseBasicAuthUsers } from './basic-auth-users';

/** A file read again when its modification time changes, so rotating a credential needs no restart. */
class WatchedFile<T> {
  private mtimeMs: number;
  private value: T;

  constructor(
    private readonly path: string,
    private readonly parse: (content: string) => T,
    private readonly logger: Logger,
  ) {
    this.mtimeMs = statSync(path).mtimeMs;
    this.value = parse(readFileSync(path, 'utf8'));
  }

  current(): T {
    try {
      const mtimeMs = statSync(this.path).mtimeMs;
      if (mtimeMs !== this.mtimeMs) {
        this.value = this.parse(readFileSync(this.path, 'utf8'));
        this.mtimeMs = mtimeMs;
      }
    } catch (error) {
      // The last good credentials stay in force: a half-written file must not open the API.
      this.logger.warn(
        `${this.path}: ${describeError(error)}; keeping the credentials read before`,
      );
      this.mtimeMs = Number.NaN;
    }
    return this.value;
  }
}

/**
 * Who may change the sink's state through the REST API and the status page (SPEC 11). Files are
 * read when the module is created, so a missing or malformed one fails startup, and re-read when
 * they change. The credentials themselves are never logged.
 */
@Injectable()
export class RestAccessPolicy implements OnApplicationBootstrap {
  private readonly logger = new Logger('LambdaSinkRest');
  private readonly users?: WatchedFile<Map<string, string>>;
  private readonly tokenFile?: WatchedFile<string>;

  constructor(@Inject(LAMBDA_SINK_OPTIONS) private readonly options: LambdaSinkOptions) {
    const { basicUsersFile, bearerTokenFile } = options.rest;
    if (basicUsersFile) {
      this.users = new WatchedFile(
        basicUsersFile,
        (content) => parseBasicAuthUsers(basicUsersFile, content),
        this.logger,
      );
    }
    if (bearerTokenFile) {
      this.tokenFile = new WatchedFile(
        bearerTokenFile,
        (content) => {
          const token = content.trim();
          if (token === '') throw new Error(m.tokenFileEmpty(bearerTokenFile));
          return token;
        },
        this.logger,
      );
    }
  }

  /** True when `rest.auth.*` configures credentials (otherwise: loopback only). */
  get authenticationConfigured(): boolean {
    return this.schemes().length > 0;
  }

  /** Decides a request that changes state (pause, resume, restart, stop, offsets). */
  decide(request: AccessRequest): AccessDecision {
    return decideAccess(request, {
      users: this.users?.current(),
      bearerToken: this.tokenFile?.current() ?? this.options.rest.bearerToken,
    });
  }

  /** `/metrics` is open unless `rest.auth.metrics.required`; then it is decided like a change. */
  decideMetrics(request: AccessRequest): AccessDecision {
    return this.options.rest.metricsAuthRequired
      ? this.decide(request)
      : { allowed: true, principal: 'anyone' };
  }

  onApplicationBootstrap(): void {
    const schemes = this.schemes();
    // Info, not a warning: loopback-only is the safe default, not a problem to fix. A warning
    // on every clean start would teach operators to ignore warnings.
    if (schemes.length === 0) this.logger.log(m.startupOpen());
    else this.logger.log(m.startupProtected(schemes, this.options.rest.metricsAuthRequired));
  }

  private schemes(): string[] {
    const { basicUsersFile, bearerToken, bearerTokenFile } = this.options.rest;
    return [
      ...(basicUsersFile ? ['Basic'] : []),
      ...(bearerToken !== undefined || bearerTokenFile ? ['Bearer'] : []),
    ];
  }
}
