// The HTTP client of the sync engine: URLs, the bearer token, answers parsed with the contract,
// and every failure classified as the syncer needs it (offline / login / gap / error).
import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchFn } from '@/lib/sync/api-client';
import { BACKOFF_CAP_MS, backoffDelay } from '@/lib/sync/backoff';
import { SyncFailure } from '@/lib/sync/failure';
import { liveUrl, normaliseServer } from '@/lib/sync/server-url';
import { fakeUlid } from './helpers';

const SERVER = 'https://sync.test/ops';
const DEVICE = fakeUlid(42);

function client(fetch: FetchFn, timeoutMs = 1000) {
  return new ApiClient({ fetch, server: SERVER, token: 'secret-token-0123456789', timeoutMs });
}

function answer(status: number, body: unknown): FetchFn {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

async function failureOf(promise: Promise<unknown>): Promise<SyncFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncFailure);
  return error as SyncFailure;
}

describe('server address', () => {
  it('keeps http(s) origin and path, drops the trailing slash, query and fragment', () => {
    expect(normaliseServer(' https://Sync.Example.com/ops/ ')).toBe('https://sync.example.com/ops');
    expect(normaliseServer('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normaliseServer('https://sync.example.com/?x=1#y')).toBe('https://sync.example.com');
  });

  it('refuses other schemes, credentials and garbage', () => {
    expect(normaliseServer('ftp://sync.example.com')).toBeNull();
    expect(normaliseServer('javascript:alert(1)')).toBeNull();
    expect(normaliseServer('https://user:pw@sync.example.com')).toBeNull();
    expect(normaliseServer('sync.example.com')).toBeNull();
  });

  it('derives the live URL: ws for http, wss for https', () => {
    expect(liveUrl('https://sync.example.com/ops')).toBe('wss://sync.example.com/ops/api/v1/live');
    expect(liveUrl('http://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787/api/v1/live');
  });
});

describe('requests', () => {
  it('sends the bearer token and JSON to the API path, and parses the answer', async () => {
    let seen: Request | null = null;
    const api = client(async (request) => {
      seen = request;
      return answer(200, { deviceId: DEVICE, lastSeq: 7 })(request);
    });
    await expect(api.device(DEVICE)).resolves.toEqual({ deviceId: DEVICE, lastSeq: 7 });
    expect(seen!.url).toBe(`${SERVER}/api/v1/sync/device/${DEVICE}`);
    expect(seen!.headers.get('authorization')).toBe('Bearer secret-token-0123456789');
  });

  it('puts cursor and scope in the pull query', async () => {
    let url = '';
    const api = client(async (request) => {
      url = request.url;
      return answer(200, { cursor: 3, scope: 'a b', reset: false, documents: [] })(request);
    });
    await api.pull(2, 'org:a,b');
    expect(new URL(url).searchParams.get('scope')).toBe('org:a,b');
    expect(new URL(url).searchParams.get('cursor')).toBe('2');
  });
});

describe('failures', () => {
  it('network errors, timeouts, 5xx, 429 and non-JSON answers are offline (retryable)', async () => {
    const down = await failureOf(
      client(async () => {
        throw new TypeError('fetch failed');
      }).device(DEVICE),
    );
    expect(down).toMatchObject({ kind: 'offline', retryable: true });
    const hanging = await failureOf(client(() => new Promise<Response>(() => {}), 20).device(DEVICE));
    expect(hanging.kind).toBe('offline');
    expect(hanging.message).toMatch(/did not answer/);
    expect((await failureOf(client(answer(503, 'Service Unavailable')).device(DEVICE))).kind).toBe('offline');
    expect(
      (await failureOf(client(answer(429, { error: { code: 'rate_limited', message: 'slow' } })).device(DEVICE))).kind,
    ).toBe('offline');
    expect((await failureOf(client(answer(200, '<html>captive portal</html>')).device(DEVICE))).kind).toBe('offline');
  });

  it('a body cut half-way is offline', async () => {
    const cut: FetchFn = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"deviceId":"'));
            controller.error(new TypeError('network cut'));
          },
        }),
      );
    expect((await failureOf(client(cut).device(DEVICE))).kind).toBe('offline');
  });

  it('401 is login, 409 sequence_gap carries the expected sequence, other 4xx keep the server message', async () => {
    const login = await failureOf(
      client(answer(401, { error: { code: 'unauthorized', message: 'revoked' } })).device(DEVICE),
    );
    expect(login).toMatchObject({ kind: 'login', retryable: false });
    const gap = await failureOf(
      client(answer(409, { error: { code: 'sequence_gap', message: 'expected 4' }, expectedSeq: 4 })).device(DEVICE),
    );
    expect(gap).toMatchObject({ kind: 'gap', detail: { expectedSeq: 4 } });
    const refused = await failureOf(
      client(answer(403, { error: { code: 'forbidden', message: 'operators cannot publish' } })).device(DEVICE),
    );
    expect(refused).toMatchObject({ kind: 'error', message: 'operators cannot publish', detail: { status: 403 } });
  });

  it('an answer that does not match the contract is an error, not silently accepted', async () => {
    const wrong = await failureOf(client(answer(200, { deviceId: DEVICE })).device(DEVICE));
    expect(wrong.kind).toBe('error');
    expect(wrong.message).toMatch(/unexpected answer/);
  });
});

describe('backoff', () => {
  it('R06: grows exponentially from 1 s to a 60 s cap, with jitter but never at once', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1000, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
