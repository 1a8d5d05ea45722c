// The background's side of the lead's reports and the plan editor's team list: each request goes to
// the sync server through the background's session (the console never holds the token, R19), and a
// server failure becomes an error the console can word. Spread into createHandlers (handlers.ts).
import type { ErrorCode } from '../messaging/protocol';
import { HandlerError, type Handlers } from '../messaging/router';
import type { ApiClient } from '../sync/api-client';
import { SyncFailure } from '../sync/failure';

/** What the report handlers need of the syncer: a request with the current session. */
export interface ReportDeps {
  syncer: { withApi<T>(work: (api: ApiClient) => Promise<T>): Promise<T> };
}

type ReportRequest =
  | 'console.users'
  | 'console.report.mix'
  | 'console.report.upsell'
  | 'console.report.conversion'
  | 'console.report.operators'
  | 'console.report.tariffMix';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
};

/** The same mapping as the other console requests: a code the caller acts on, the server's words. */
function asHandlerError(error: unknown): unknown {
  if (!(error instanceof SyncFailure)) return error;
  if (error.kind === 'login') return new HandlerError('forbidden', error.message);
  if (error.kind === 'offline') {
    return new HandlerError('internal', `the sync server cannot be reached: ${error.message}`);
  }
  return new HandlerError(STATUS_CODES[error.detail.status ?? 0] ?? 'bad_request', error.message);
}

export function reportHandlers({ syncer }: ReportDeps): Pick<Handlers, ReportRequest> {
  async function viaServer<T>(work: (api: ApiClient) => Promise<T>): Promise<T> {
    try {
      return await syncer.withApi(work);
    } catch (error) {
      throw asHandlerError(error);
    }
  }
  return {
    'console.users': async () => viaServer((api) => api.users()),
    'console.report.mix': async (body) => viaServer((api) => api.reportMix(body)),
    'console.report.upsell': async (body) => viaServer((api) => api.reportUpsell(body)),
    'console.report.conversion': async (body) => viaServer((api) => api.reportConversion(body)),
    'console.report.operators': async (body) => viaServer((api) => api.reportOperators(body)),
    'console.report.tariffMix': async (body) => viaServer((api) => api.tariffMix(body)),
  };
}
