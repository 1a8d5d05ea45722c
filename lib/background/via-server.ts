// How the background's requests to the sync server fail: a server failure becomes an error the
// caller can act on (a code and the server's words), for every handler that goes through the server.
import type { ErrorCode } from '../messaging/protocol';
import { HandlerError } from '../messaging/router';
import { SyncFailure } from '../sync/failure';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
};

/** A sync server failure as the caller sees it: a code it can act on and the server's words. */
function asHandlerError(error: unknown): unknown {
  if (!(error instanceof SyncFailure)) return error;
  switch (error.kind) {
    case 'login':
      return new HandlerError('forbidden', error.message);
    case 'offline':
      return new HandlerError('internal', `the sync server cannot be reached: ${error.message}`);
    default:
      return new HandlerError(STATUS_CODES[error.detail.status ?? 0] ?? 'bad_request', error.message);
  }
}

/** Runs a request to the sync server; its failure is rethrown as a `HandlerError`. */
export async function viaServer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asHandlerError(error);
  }
}
