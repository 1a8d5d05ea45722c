// The background's side of the lead's reports and the plan editor's team list: each request goes to
// the sync server through the background's session (the console never holds the token, R19), and a
// server failure becomes an error the console can word. Spread into createHandlers (handlers.ts).
import type { Handlers } from '../messaging/router';
import type { ApiClient } from '../sync/api-client';
import { viaServer } from './via-server';

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

export function reportHandlers({ syncer }: ReportDeps): Pick<Handlers, ReportRequest> {
  const withApi = <T>(work: (api: ApiClient) => Promise<T>) => viaServer(() => syncer.withApi(work));
  return {
    'console.users': async () => withApi((api) => api.users()),
    'console.report.mix': async (body) => withApi((api) => api.reportMix(body)),
    'console.report.upsell': async (body) => withApi((api) => api.reportUpsell(body)),
    'console.report.conversion': async (body) => withApi((api) => api.reportConversion(body)),
    'console.report.operators': async (body) => withApi((api) => api.reportOperators(body)),
    'console.report.tariffMix': async (body) => withApi((api) => api.tariffMix(body)),
  };
}
