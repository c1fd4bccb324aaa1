import { startHttpStub, type HttpStub } from './http-stub';

export const CONTAINER_CREDENTIALS_PATH = '/v2/credentials/task-role';
const IMDS_TOKEN_PATH = '/latest/api/token';
const IMDS_CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';
const IMDS_ROLE = 'sink-instance-role';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/**
 * The two metadata endpoints credentials come from on AWS compute, on loopback: the container
 * credentials endpoint (ECS task roles, EKS Pod Identity; `AWS_CONTAINER_CREDENTIALS_FULL_URI`)
 * and EC2's IMDSv2 (`AWS_EC2_METADATA_SERVICE_ENDPOINT`). Both hand out `issued`.
 */
export async function startMetadataStub(issued: IssuedCredentials): Promise<HttpStub> {
  const body = JSON.stringify({
    Code: 'Success',
    Type: 'AWS-HMAC',
    AccessKeyId: issued.accessKeyId,
    SecretAccessKey: issued.secretAccessKey,
    Token: issued.sessionToken,
    Expiration: new Date(Date.now() + 3600_000).toISOString(),
  });
  return startHttpStub((request, response) => {
    const reply = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(text);
    };
    if (request.method === 'PUT' && request.url === IMDS_TOKEN_PATH)
      return reply(200, 'imds-token');
    if (request.url === CONTAINER_CREDENTIALS_PATH) return reply(200, body);
    if (request.headers['x-aws-ec2-metadata-token'] !== 'imds-token') return reply(401, '');
    if (request.url === IMDS_CREDENTIALS_PATH) return reply(200, IMDS_ROLE);
    if (request.url === IMDS_CREDENTIALS_PATH + IMDS_ROLE) return reply(200, body);
    reply(404, '');
  });
}
