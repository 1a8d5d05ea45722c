// The reports through the background: the console's `console.report.*` and `console.users`
// requests reach the right `GET /api/v1/reports/*` and `/users` URLs with the period, team, time
// zone and extra parameters, answers are parsed with the reports contract, and a server refusal
// comes back to the console as an error code it can word.
import { describe, expect, it, vi } from 'vitest';
import { reportHandlers } from '@/lib/background/report-handlers';
import { HandlerError } from '@/lib/messaging/router';
import { ApiClient, type FetchFn } from '@/lib/sync/api-client';
import { SyncFailure } from '@/lib/sync/failure';
import { fakeUlid } from './helpers';

const SERVER = 'https://sync.test';
const TEAM = fakeUlid(900);
const QUERY = { from: 1_000, to: 2_000, teamId: TEAM, tz: 'Europe/Moscow' };

const ANSWERS: Record<string, unknown> = {
  '/api/v1/reports/mix': {
    from: 1_000,
    to: 2_000,
    previousFrom: 0,
    total: 0,
    previousTotal: 0,
    untaggedShare: 0,
    rows: [],
  },
  '/api/v1/reports/upsell': { by: 'operator', rows: [] },
  '/api/v1/reports/conversion': { typeId: 'connection', requests: 4, connected: 3, rate: 0.75 },
  '/api/v1/reports/operators': { period: 'week', effectiveCallMs: 20_000, rows: [] },
  '/api/v1/reports/tariff-mix': { rows: [{ itemId: 'turbo', kind: 'tariff', sales: 2 }] },
  '/api/v1/users': {
    users: [
      {
        id: fakeUlid(1),
        login: 'anna',
        name: 'Анна',
        role: 'operator',
        teams: [{ id: TEAM, name: 'Первая линия' }],
        disabled: false,
        createdAt: 5,
      },
    ],
  },
};

function recordingApi() {
  const urls: URL[] = [];
  const fetch: FetchFn = async (request) => {
    const url = new URL(request.url);
    urls.push(url);
    const body = ANSWERS[url.pathname];
    return new Response(JSON.stringify(body ?? { error: { code: 'not_found', message: 'no' } }), {
      status: body ? 200 : 404,
    });
  };
  return { urls, api: new ApiClient({ fetch, server: SERVER, token: 'secret-token-0123456789' }) };
}

const params = (url: URL | undefined) => Object.fromEntries(url?.searchParams ?? []);

describe('report requests', () => {
  it('reach the reports endpoints with the period, team, time zone and their own parameter', async () => {
    const { urls, api } = recordingApi();
    const handlers = reportHandlers({ syncer: { withApi: (work) => work(api) } });
    const base = { from: '1000', to: '2000', teamId: TEAM, tz: 'Europe/Moscow' };

    await handlers['console.report.mix'](QUERY, null as never);
    await handlers['console.report.upsell']({ ...QUERY, by: 'operator' }, null as never);
    const conversion = await handlers['console.report.conversion']({ ...QUERY, typeId: 'connection' }, null as never);
    await handlers['console.report.operators']({ ...QUERY, period: 'week' }, null as never);
    const mix = await handlers['console.report.tariffMix']({ from: 1_000, to: 2_000 }, null as never);
    const users = await handlers['console.users']({}, null as never);

    expect(urls.map((url) => url.pathname)).toEqual([
      '/api/v1/reports/mix',
      '/api/v1/reports/upsell',
      '/api/v1/reports/conversion',
      '/api/v1/reports/operators',
      '/api/v1/reports/tariff-mix',
      '/api/v1/users',
    ]);
    expect(params(urls[0])).toEqual(base);
    expect(params(urls[1])).toEqual({ ...base, by: 'operator' });
    expect(params(urls[2])).toEqual({ ...base, typeId: 'connection' });
    expect(params(urls[3])).toEqual({ ...base, period: 'week' });
    // No team and no zone: the parameters are left out, not sent empty.
    expect(params(urls[4])).toEqual({ from: '1000', to: '2000' });
    expect(conversion.rate).toBe(0.75);
    expect(mix.rows).toEqual([{ itemId: 'turbo', kind: 'tariff', sales: 2 }]);
    // Only what the console reads of a user is kept.
    expect(users).toEqual([
      { id: fakeUlid(1), name: 'Анна', role: 'operator', teams: [{ id: TEAM, name: 'Первая линия' }], disabled: false },
    ]);
  });

  it('refuses an answer that does not match the reports contract', async () => {
    const fetch: FetchFn = async () => new Response(JSON.stringify({ by: 'type', rows: [{ key: 'x' }] }));
    const api = new ApiClient({ fetch, server: SERVER, token: 'secret-token-0123456789' });
    await expect(api.reportUpsell({ ...QUERY, by: 'type' })).rejects.toBeInstanceOf(SyncFailure);
  });

  it('turns a server refusal into the error code the console words', async () => {
    const refusing = (failure: SyncFailure) =>
      reportHandlers({ syncer: { withApi: vi.fn(async () => Promise.reject(failure)) } });
    const forbidden = refusing(new SyncFailure('error', 'leads only', { status: 403 }));
    await expect(forbidden['console.report.mix'](QUERY, null as never)).rejects.toMatchObject({
      code: 'forbidden',
      message: 'leads only',
    });
    const loggedOut = refusing(new SyncFailure('login', 'log in to the sync server first'));
    const error = await loggedOut['console.users']({}, null as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandlerError);
    expect(error).toMatchObject({ code: 'forbidden' });
    const offline = refusing(new SyncFailure('offline', 'timeout'));
    await expect(offline['console.report.operators']({ ...QUERY, period: 'day' }, null as never)).rejects.toMatchObject(
      {
        code: 'internal',
      },
    );
  });
});
