// Why a call to the sync server failed, in the four ways the syncer reacts to differently:
// `offline` is retried with backoff (network, timeout, 5xx, 429), `login` needs the operator to
// log in again (401), `gap` carries the sequence number the server expects (409 sequence_gap),
// and `error` is a refusal that retrying the same request will not fix (other 4xx, bad answers).
import type { ApiErrorCode } from '../schema/api';

export type FailureKind = 'offline' | 'login' | 'gap' | 'error';

export interface FailureDetail {
  status?: number;
  code?: ApiErrorCode;
  expectedSeq?: number;
}

export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly detail: FailureDetail = {},
  ) {
    super(message);
    this.name = 'SyncFailure';
  }

  get retryable(): boolean {
    return this.kind === 'offline';
  }
}
