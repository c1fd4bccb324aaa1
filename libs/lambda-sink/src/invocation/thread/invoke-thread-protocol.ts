import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { LambdaClientSettings } from '../lambda-client-factory';
import type { InvokeRequest, RawInvokeResponse } from '../invoke-transport';
import type { TransferableError } from './transferable-error';

/** What an invoke thread is started with. */
export interface InvokeThreadData {
  settings: LambdaClientSettings;
}

/**
 * One call, with the credentials to sign it: they are resolved (and refreshed) on the event loop
 * by the configured provider, which may be a function the thread cannot receive.
 */
export interface InvokeThreadCall {
  id: number;
  request: InvokeRequest;
  credentials: AwsCredentialIdentity;
}

export type InvokeThreadReply =
  { id: number; response: RawInvokeResponse } | { id: number; error: TransferableError };
