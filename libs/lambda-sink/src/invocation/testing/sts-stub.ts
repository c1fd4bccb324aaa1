import { randomUUID } from 'node:crypto';
import { signingKeyId, startHttpStub, type HttpStub } from './http-stub';

/** What the stub saw of one STS call. */
export interface StsCall {
  action: string;
  /** The form parameters, e.g. RoleArn, RoleSessionName, WebIdentityToken. */
  params: Record<string, string>;
  /** The key the request was signed with; undefined for AssumeRoleWithWebIdentity (unsigned). */
  signedWith?: string;
}

export interface StsStub {
  readonly url: string;
  readonly calls: StsCall[];
  /** The temporary credentials every call hands out. */
  readonly issued: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  close(): Promise<void>;
}

/**
 * Just enough of AWS STS (the awsQuery protocol) for the SDK's role assumers: AssumeRole and
 * AssumeRoleWithWebIdentity answer with fixed temporary credentials and record who asked.
 * Point the SDK at it with `AWS_ENDPOINT_URL_STS`, the SDK's own per-service endpoint setting.
 * It checks no signature: tests assert on `signedWith` instead.
 */
export async function startStsStub(): Promise<StsStub> {
  const id = randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase();
  const issued = {
    accessKeyId: `ASIASTUB${id}`,
    secretAccessKey: `sts-stub-secret-${id}`,
    sessionToken: `sts-stub-session-${id}`,
  };
  const calls: StsCall[] = [];
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  const stub: HttpStub = await startHttpStub((request, response) => {
    const params = Object.fromEntries(new URLSearchParams(request.body));
    const action = params.Action ?? '';
    calls.push({ action, params, signedWith: signingKeyId(request.headers) });
    if (action !== 'AssumeRole' && action !== 'AssumeRoleWithWebIdentity') {
      response.writeHead(400, { 'content-type': 'text/xml' });
      response.end(
        '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>' +
          `<Message>stub does not implement ${action}</Message></Error></ErrorResponse>`,
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(
      `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
        `<${action}Result><Credentials>` +
        `<AccessKeyId>${issued.accessKeyId}</AccessKeyId>` +
        `<SecretAccessKey>${issued.secretAccessKey}</SecretAccessKey>` +
        `<SessionToken>${issued.sessionToken}</SessionToken>` +
        `<Expiration>${expiration}</Expiration>` +
        '</Credentials><AssumedRoleUser>' +
        `<Arn>${params.RoleArn}/${params.RoleSessionName}</Arn>` +
        `<AssumedRoleId>AROASTUB:${params.RoleSessionName}</AssumedRoleId>` +
        `</AssumedRoleUser></${action}Result>` +
        `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>` +
        `</${action}Response>`,
    );
  });
  return { url: stub.url, calls, issued, close: () => stub.close() };
}
