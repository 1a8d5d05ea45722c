// The HTTP client of the sync engine: URLs, the bearer token, answers parsed with the contract,
// and every failure classified as the syncer needs it (offline / login / gap / error). Also the
// console's quality requests (calls, scores, versions, feedback, stats), end to end from the
// operator's panel through the fake server to the background's console handlers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { markChecklist, recordNoAnswer, recordObjection, recordView } from '@/lib/calls/script-store';
import type { PanelDatabase } from '@/lib/db/database';
import { route } from '@/lib/messaging/router';
import type { VerifiedSender } from '@/lib/messaging/sender';
import type { Checklist } from '@/lib/schema/content';
import { ApiClient, type FetchFn } from '@/lib/sync/api-client';
import { BACKOFF_CAP_MS, backoffDelay } from '@/lib/sync/backoff';
import { SyncFailure } from '@/lib/sync/failure';
import { liveUrl, normaliseServer } from '@/lib/sync/server-url';
import type { Syncer } from '@/lib/sync/syncer';
import { fakeUlid, freshDb, T0 } from './helpers';
import { apiAs, FakeSyncServer, publishDocument, testSyncer } from './sync-fake-server';

// The handlers module talks to the browser only for tabs and site registration, not used here.
vi.mock('webextension-polyfill', () => ({ default: {} }));

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

describe('quality requests', () => {
  function recording(body: unknown) {
    const urls: string[] = [];
    const methods: string[] = [];
    const bodies: unknown[] = [];
    const api = client(async (request) => {
      urls.push(request.url);
      methods.push(request.method);
      bodies.push(request.method === 'POST' ? await request.json() : undefined);
      return answer(200, body)(request);
    });
    return { api, urls, methods, bodies };
  }

  it('puts the period and the operator in the query, ids in the path', async () => {
    const list = recording([]);
    await list.api.calls({ from: 1000, to: 2000, userId: DEVICE });
    await list.api.calls({ from: 1000, to: 2000 });
    await list.api.feedback({ from: 5, to: 6 });
    await list.api.objectionStats({ from: 5, to: 6 });
    await list.api.quality({ from: 5, to: 6 });
    expect(list.urls).toEqual([
      `${SERVER}/api/v1/calls?from=1000&to=2000&userId=${DEVICE}`,
      `${SERVER}/api/v1/calls?from=1000&to=2000`,
      `${SERVER}/api/v1/feedback?from=5&to=6`,
      `${SERVER}/api/v1/stats/objections?from=5&to=6`,
      `${SERVER}/api/v1/stats/quality?from=5&to=6`,
    ]);
    const none = recording(null);
    await expect(none.api.callScore(DEVICE)).resolves.toBeNull();
    expect(none.urls).toEqual([`${SERVER}/api/v1/calls/${DEVICE}/score`]);
  });

  it('answers that do not match the contract are errors', async () => {
    const bad = recording([{ id: 'not a call' }]);
    expect((await failureOf(bad.api.calls({ from: 0, to: 1 }))).kind).toBe('error');
    expect((await failureOf(recording({ callId: DEVICE }).api.callScore(DEVICE))).kind).toBe('error');
    expect((await failureOf(recording([{ raised: 'many' }]).api.objectionStats({ from: 0, to: 1 }))).kind).toBe(
      'error',
    );
  });
});

describe('console quality work, end to end', () => {
  const CHECKLIST: Checklist = {
    title: 'Контроль звонка',
    sections: [
      {
        id: 'call',
        title: 'Разговор',
        items: [
          { id: 'greet', text: 'Поздоровался', hint: '', weight: 1, critical: false, naAllowed: false },
          { id: 'verify', text: 'Проверил договор', hint: '', weight: 3, critical: true, naAllowed: false },
        ],
      },
    ],
  };

  let db: PanelDatabase | undefined;
  let syncer: Syncer | undefined;
  afterEach(async () => {
    syncer?.stop();
    await db?.delete();
  });

  /** An operator's call on the trainer's checklist, with script activity and feedback, uploaded. */
  async function operatorShift(server: FakeSyncServer) {
    db = freshDb();
    syncer = testSyncer(db, server);
    await syncer.login({ server: server.url, ...server.operator });
    const checklist = await publishDocument(server, server.trainer, 'checklist', server.teamId, CHECKLIST);
    await syncer.syncNow();
    const call = await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    await tagCall(db, 'billing', undefined, T0 + 1000);
    await recordView(db, { moduleId: 'greeting', openMs: 2000 }, T0 + 2000);
    await recordObjection(db, { objectionId: 'expensive', answerId: null, handled: true }, T0 + 3000);
    await markChecklist(db, { itemId: 'greet', mark: 'yes' }, T0 + 4000);
    await markChecklist(db, { itemId: 'verify', mark: 'yes' }, T0 + 4100);
    await recordNoAnswer(db, { moduleId: 'greeting', text: 'Спросил про скидку пенсионерам' }, T0 + 5000);
    await endCall(db, T0 + 60_000);
    await expect(syncer.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    return { call, checklist };
  }

  it('a lead lists the call, scores it on its own checklist version, and sees feedback and stats', async () => {
    const server = new FakeSyncServer();
    const { call, checklist } = await operatorShift(server);
    const lead = await apiAs(server, server.lead);
    const period = { from: T0 - 1000, to: T0 + 3_600_000 };

    const [listed] = await lead.calls(period);
    expect(listed).toMatchObject({ id: call.id, scored: false, versions: { checklist: checklist.versionId } });
    expect(listed!.script.checklist).toEqual({ greet: 'yes', verify: 'yes' });
    expect(await lead.calls({ ...period, userId: fakeUlid(1) })).toEqual([]);
    await expect(lead.callScore(call.id)).resolves.toBeNull();
    await expect(lead.contentVersion(checklist.versionId)).resolves.toMatchObject({ body: CHECKLIST });

    const refused = await failureOf(
      lead.scoreCall(call.id, { checklistVersionId: fakeUlid(5), marks: {}, comment: '' }),
    );
    expect(refused.detail.status).toBe(409);
    const score = await lead.scoreCall(call.id, {
      checklistVersionId: checklist.versionId,
      marks: { greet: 'yes', verify: 'no' },
      comment: 'Договор не проверен',
    });
    expect(score.result).toMatchObject({ percent: 25, passed: false, failedCritical: ['verify'] });
    expect(score.selfResult).toMatchObject({ percent: 100, passed: true });
    expect(await lead.callScore(call.id)).toEqual(score);
    expect((await lead.callView(call.id)).scored).toBe(true);

    const [feedback] = await lead.feedback(period);
    expect(feedback).toMatchObject({ callId: call.id, callTypeId: 'billing', moduleId: 'greeting', scriptsVersion: 0 });
    expect(await lead.objectionStats(period)).toEqual([
      { callTypeId: 'billing', objectionId: 'expensive', raised: 1, handled: 1 },
    ]);
    expect(await lead.quality(period)).toMatchObject([{ scored: 1, leadPercent: 0, selfPercent: 100, failed: 1 }]);
  });

  it("the background's console handlers: call with its score, scoring, versions; errors keep their codes", async () => {
    const server = new FakeSyncServer();
    const { call, checklist } = await operatorShift(server);
    const page: VerifiedSender = { kind: 'extension', origin: null, tabId: null };
    const ask = (type: string, body: unknown, handlers = createHandlers({ db: db!, now: () => T0, syncer: syncer! })) =>
      route(handlers, { channel: 'op-panel', type, body }, page);

    // Logged in as the operator: scoring is the server's to refuse.
    const forbidden = await ask('console.score', {
      callId: call.id,
      checklistVersionId: checklist.versionId,
      marks: {},
      comment: '',
    });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(ask('console.call', { callId: fakeUlid(9) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    await syncer!.logout();
    await syncer!.login({ server: server.url, ...server.lead });
    await expect(ask('console.call', { callId: call.id })).resolves.toMatchObject({
      ok: true,
      data: { call: { id: call.id, scored: false }, score: null },
    });
    const scored = await ask('console.score', {
      callId: call.id,
      checklistVersionId: checklist.versionId,
      marks: { greet: 'yes', verify: 'yes' },
      comment: '',
    });
    expect(scored).toMatchObject({ ok: true, data: { result: { percent: 100, passed: true } } });
    await expect(ask('console.call', { callId: call.id })).resolves.toMatchObject({
      ok: true,
      data: { call: { scored: true }, score: { scoredBy: 'lead' } },
    });
    await expect(ask('console.version', { versionId: checklist.versionId })).resolves.toMatchObject({
      ok: true,
      data: { versionId: checklist.versionId },
    });
    const range = { from: T0 - 1000, to: T0 + 3_600_000 };
    await expect(ask('console.calls', range)).resolves.toMatchObject({ ok: true, data: [{ id: call.id }] });
    await expect(ask('console.feedback', range)).resolves.toMatchObject({ ok: true, data: [{ callId: call.id }] });
    await expect(ask('console.objectionStats', range)).resolves.toMatchObject({ ok: true, data: [{ raised: 1 }] });
    await expect(ask('console.quality', range)).resolves.toMatchObject({ ok: true, data: [{ scored: 1 }] });

    await syncer!.logout();
    await expect(ask('console.quality', range)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
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
