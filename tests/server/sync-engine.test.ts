// The extension's real sync engine (Syncer, uploader, puller on fake IndexedDB) against the real
// server app on every test database, through a network that loses answers, fails and hangs. The
// unit tests prove these reliability cases against an in-memory stand-in of the server; these prove
// that the two real halves agree: lost answers (R01), concurrent duplicates (R03), gaps (R04), a
// long offline shift over a faulty network (R06), a server restored from a backup (R07), a worker
// killed again and again (R14) and a revoked or expired token (R19).
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { endCall, startCall, tagCall, undoLastTag } from '../../lib/calls/call-store';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { PanelDatabase } from '../../lib/db/database';
import { loadPullState } from '../../lib/db/document-store';
import { deviceIdentity } from '../../lib/db/outbox';
import { loadSession } from '../../lib/db/session-store';
import type { SyncStatus } from '../../lib/messaging/protocol';
import type { ContentVersion } from '../../lib/schema/api';
import type { CallTag } from '../../lib/schema/call';
import { ApiClient, type FetchFn } from '../../lib/sync/api-client';
import { Syncer, type SyncerOptions } from '../../lib/sync/syncer';
import { TOKEN_TTL_MS } from '../../server/auth/tokens';
import { openTestApi, type TestApi, type TestUser } from '../support/api';
import { type Fault, type FaultyNetwork, faultyNetwork, recordingTimers, seededRandom } from '../support/faulty-fetch';
import { testDatabases } from '../support/server-db';

/** The address the extension logs in to; the app routes by path, so any host does. */
const SERVER = 'http://sync.test';
const manual = { source: 'manual' as const, origin: null, tabId: null };
const TAG_TYPES = ['billing', 'termination', 'connection', 'tech_support'];
const isPush = (request: Request | { path: string }) =>
  ('url' in request ? new URL(request.url).pathname : request.path).endsWith('/sync/push');
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

interface Worker {
  db: PanelDatabase;
  syncer: Syncer;
}

/** The worker dies: no goodbye, timers gone, the database connection closed mid-whatever. */
function kill(worker: Worker): void {
  worker.syncer.stop();
  worker.db.close();
}

/** Records calls the way the panel does (start, one tag, end): three outbox events per call. */
async function recordCalls(db: PanelDatabase, calls: number, start: number): Promise<number> {
  let at = start;
  for (let call = 0; call < calls; call++) {
    await startCall(db, manual, at);
    await tagCall(db, TAG_TYPES[call % TAG_TYPES.length]!, undefined, at + 1000);
    await endCall(db, at + 60_000);
    at += 120_000;
  }
  return at;
}

let names = 0;

describe.each(testDatabases())('the sync engine against the real server on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api?.close());

  const workers: Worker[] = [];
  const databases: string[] = [];
  const networks: FaultyNetwork[] = [];
  afterEach(async () => {
    for (const worker of workers.splice(0)) kill(worker);
    // Requests nobody waits for any more still finish on the server before it closes.
    for (const network of networks.splice(0)) await network.settled();
    for (const name of databases.splice(0)) await new PanelDatabase(name).delete();
  });

  const appFetch: FetchFn = async (request) => api.app.fetch(request);

  function network(...args: Parameters<typeof faultyNetwork>): FaultyNetwork {
    const made = faultyNetwork(...args);
    networks.push(made);
    return made;
  }

  function freshName(): string {
    const name = `sync-engine-${target.name}-${++names}-${Math.random().toString(36).slice(2)}`;
    databases.push(name);
    return name;
  }

  /** A worker on the named database: no live link, no Web Locks, timers that never fire unless asked. */
  function boot(name: string, options: Partial<SyncerOptions> = {}): Worker {
    const db = new PanelDatabase(name);
    const syncer = new Syncer({
      db,
      fetch: appFetch,
      now: () => api.clock.now,
      timers: recordingTimers(false),
      random: seededRandom(1),
      locks: null,
      WebSocket: null,
      timeoutMs: 5000,
      ...options,
    });
    const worker = { db, syncer };
    workers.push(worker);
    return worker;
  }

  /** An operator of team A of their own, so each test's device and calls are easy to tell apart. */
  const newOperator = () => api.addUser('operator', { teams: [api.teams.a] });

  async function logIn(syncer: Syncer, user: TestUser): Promise<void> {
    await syncer.login({ server: SERVER, login: user.login, password: user.password });
    // Login starts a sync of its own; let it finish.
    await syncer.syncNow();
  }

  async function serverEvents(deviceId: string) {
    return api.db.query<{ id: string; seq: number; type: string; ingest_seq: number }>(
      'select id, seq, type, ingest_seq from events where device_id = $1 order by seq',
      [deviceId],
    );
  }

  async function publish(note: string): Promise<ContentVersion> {
    const answer = await api.request('POST', '/api/v1/documents/classifier/publish', {
      as: 'lead',
      body: { teamId: api.teams.a.id, body: DEFAULT_CLASSIFIER, note },
    });
    expect(answer.status).toBe(201);
    return answer.body as ContentVersion;
  }

  /**
   * Exactly once: the outbox is empty, the server holds every event this device numbered, once,
   * under its own number, in the device's order, none dead-lettered, and its derived call rows
   * (calls, call_tags) say what the panel's own call rows say. Answers the number of events.
   */
  async function expectExactlyOnce(db: PanelDatabase): Promise<number> {
    const { deviceId, nextSeq } = await deviceIdentity(db);
    expect(await db.outbox.count()).toBe(0);
    const local = await db.sent.orderBy('seq').toArray();
    const stored = await serverEvents(deviceId);
    expect(stored.map((e) => e.seq)).toEqual(range(nextSeq - 1));
    expect(stored.map((e) => e.id)).toEqual(local.map((e) => e.id));
    // Stored in the order the device made them.
    const arrival = stored.map((e) => e.ingest_seq);
    expect(arrival).toEqual([...arrival].sort((a, b) => a - b));
    const [counts] = await api.db.query<{ dead: number; last: number }>(
      `select (select count(*)::int from dead_letters where device_id = $1) as dead,
              (select last_seq from devices where device_id = $1) as last`,
      [deviceId],
    );
    expect(counts).toEqual({ dead: 0, last: nextSeq - 1 });

    const calls = await db.calls.orderBy('id').toArray();
    const rows = await api.db.query<{ id: string; ended_at: number | null; tags: CallTag[] }>(
      'select id, ended_at, tags from calls where device_id = $1 order by id',
      [deviceId],
    );
    const byTime = (tags: CallTag[]) => [...tags].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    expect(rows).toEqual(calls.map((c) => ({ id: c.id, ended_at: c.endedAt, tags: byTime(c.tags) })));
    const tagRows = await api.db.query<{ tag_id: string; call_id: string; type_id: string }>(
      'select tag_id, call_id, type_id from call_tags where call_id = any($1::text[]) order by tag_id',
      [calls.map((c) => c.id)],
    );
    const localTags = calls
      .flatMap((c) => c.tags.map((t) => ({ tag_id: t.id, call_id: c.id, type_id: t.typeId })))
      .sort((a, b) => a.tag_id.localeCompare(b.tag_id));
    expect(tagRows).toEqual(localTags);
    return stored.length;
  }

  test('R01: the server commits a push, the answer is lost, the client retries by itself: exactly once', async () => {
    const user = await newOperator();
    let pushes = 0;
    const net = network(appFetch, (request) => (isPush(request) && pushes++ === 0 ? 'reset-after' : 'ok'));
    const timers = recordingTimers(true);
    const { db, syncer } = boot(freshName(), { fetch: net.fetch, timers });
    await logIn(syncer, user);
    const at = await recordCalls(db, 2, api.clock.now);
    // A late tag on the first call, so the derived row is changed by a second event too.
    const [firstCall] = await db.calls.orderBy('startedAt').toArray();
    await tagCall(db, 'other', firstCall!.id, at);
    const { deviceId } = await deviceIdentity(db);

    const first = await syncer.syncNow();
    expect(first).toMatchObject({ state: 'offline', waiting: 7 });
    // The server holds all seven although the client does not know it yet.
    expect(await serverEvents(deviceId)).toHaveLength(7);
    // The retry timer brings it back without anybody asking.
    await vi.waitFor(() => expect(syncer.status()).toMatchObject({ state: 'synced', waiting: 0 }));
    expect(timers.delays.some((ms) => ms >= 500)).toBe(true);

    const answers = net.log.filter(isPush).map((x) => [x.fault, x.status, x.body]);
    expect(answers).toEqual([
      ['reset-after', 200, { lastSeq: 7, accepted: 7, duplicates: 0, deadLettered: 0 }],
      ['ok', 200, { lastSeq: 7, accepted: 0, duplicates: 7, deadLettered: 0 }],
    ]);
    expect(await expectExactlyOnce(db)).toBe(7);
    const [row] = await api.db.query<{ tags: CallTag[] }>('select tags from calls where id = $1', [firstCall!.id]);
    expect(row?.tags.map((t) => t.typeId)).toEqual(['billing', 'other']);
  });

  test('R03: the same batch sent twice at once, and two uploaders racing on one database: no duplicate, answers agree', async () => {
    const user = await newOperator();
    const name = freshName();
    const net = network(appFetch);
    const a = boot(name, { fetch: net.fetch });
    await logIn(a.syncer, user);
    await recordCalls(a.db, 3, api.clock.now);
    const { deviceId } = await deviceIdentity(a.db);

    // The same batch twice at once, straight through the client's API with the device's token.
    const client = new ApiClient({ fetch: appFetch, server: SERVER, token: (await loadSession(a.db)).token });
    const batch = await a.db.outbox.orderBy('seq').toArray();
    const answers = await Promise.all([
      client.push({ deviceId, events: batch }),
      client.push({ deviceId, events: batch }),
    ]);
    expect(answers.map((x) => x.lastSeq)).toEqual([9, 9]);
    expect(answers.map((x) => [x.accepted, x.duplicates]).sort()).toEqual([
      [0, 9],
      [9, 0],
    ]);
    expect(await serverEvents(deviceId)).toHaveLength(9);

    // Two syncers on one database (two contexts, no lock between them) upload the same outbox at once.
    // Each push waits for the other, so both leave with the same outbox before either is answered.
    const arrived: (() => void)[] = [];
    const together: FetchFn = async (request) => {
      if (isPush(request) && arrived.length < 2) {
        await new Promise<void>((resolve) => {
          arrived.push(resolve);
          if (arrived.length === 2) for (const release of arrived) release();
        });
      }
      return net.fetch(request);
    };
    const a2 = boot(name, { fetch: together });
    const b = boot(name, { fetch: together });
    a.syncer.stop();
    await recordCalls(a.db, 3, api.clock.now + 3_600_000);
    const before = net.log.length;
    const raced = await Promise.all([a2.syncer.syncNow(), b.syncer.syncNow()]);
    const pushed = net.log.slice(before).filter(isPush);
    // Both sent the whole outbox; the server stored it once and both answers name the same end.
    expect(pushed.map((x) => (x.body as { lastSeq: number }).lastSeq)).toEqual([18, 18]);
    expect(pushed.map((x) => (x.body as { accepted: number }).accepted).sort()).toEqual([0, 9]);
    expect(raced.map((s) => s.waiting)).toEqual([0, 0]);
    // Whatever the loser said about the race, the next run of each is clean.
    expect(await a2.syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    expect(await b.syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    expect(await expectExactlyOnce(a.db)).toBe(18);
  });

  test('R04: a batch with a gap is refused whole with the expected sequence; the client repairs it by itself', async () => {
    const user = await newOperator();
    const storedAtRefusal: number[] = [];
    let deviceId = '';
    const net = network(
      appFetch,
      () => 'ok',
      async (exchange) => {
        if (exchange.status === 409) storedAtRefusal.push((await serverEvents(deviceId)).length);
      },
    );
    const { db, syncer } = boot(freshName(), { fetch: net.fetch });
    await logIn(syncer, user);
    let at = await recordCalls(db, 2, api.clock.now);
    deviceId = (await deviceIdentity(db)).deviceId;

    // Events 4..6 before 1..3: refused whole, with the number the server expects; nothing stored.
    const token = (await loadSession(db)).token!;
    const tail = await db.outbox.where('seq').above(3).sortBy('seq');
    const refused = await api.request('POST', '/api/v1/sync/push', { token, body: { deviceId, events: tail } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'sequence_gap' }, expectedSeq: 1 });
    expect(await serverEvents(deviceId)).toEqual([]);
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    at = await recordCalls(db, 2, at);
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });

    // The server loses events 7..12 (and what they derived) without this device being told.
    const lostCalls = (await db.calls.orderBy('startedAt').toArray()).slice(2).map((c) => c.id);
    await api.db.transaction(async (tx) => {
      await tx.query('delete from call_tags where call_id = any($1::text[])', [lostCalls]);
      await tx.query('delete from calls where id = any($1::text[])', [lostCalls]);
      await tx.query('delete from events where device_id = $1 and seq > 6', [deviceId]);
      await tx.query('update devices set last_seq = 6 where device_id = $1', [deviceId]);
    });
    // The next upload (13..15) leaves a gap: refused, then 7..15 from the archive, by itself.
    await recordCalls(db, 1, at);
    const before = net.log.length;
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0, lastError: null });
    const pushes = net.log.slice(before).filter(isPush);
    expect(pushes.map((x) => x.status)).toEqual([409, 200]);
    expect(pushes[0]?.body).toMatchObject({ error: { code: 'sequence_gap' }, expectedSeq: 7 });
    expect(pushes[1]?.body).toEqual({ lastSeq: 15, accepted: 9, duplicates: 0, deadLettered: 0 });
    expect(storedAtRefusal).toEqual([6]);
    expect(await expectExactlyOnce(db)).toBe(15);
  });

  test('R06: 510 events recorded offline, then a faulty network (30 % of requests fail): exactly once, in order, with backoff; N waiting meanwhile', async () => {
    const user = await newOperator();
    let mode: 'clean' | 'down' | 'faulty' = 'clean';
    // Every kind of fault once on the uploads first (the first batch committed twice over), then
    // 30 % of all requests at random: 500s, and resets before and after the server handled them.
    // Answers that never come are planned only: each one costs the client's whole deadline.
    const pushPlan: Fault[] = ['reset-after', 'ok', 'hang-after', 'error500', 'reset-before', 'hang-before'];
    const random = seededRandom(8);
    const randomFaults: Fault[] = [];
    const choose = (request: Request): Fault => {
      if (mode === 'clean') return 'ok';
      if (mode === 'down') return 'reset-before';
      const planned = isPush(request) ? pushPlan.shift() : undefined;
      if (planned) return planned;
      const r = random();
      const fault: Fault = r < 0.1 ? 'error500' : r < 0.2 ? 'reset-before' : r < 0.3 ? 'reset-after' : 'ok';
      randomFaults.push(fault);
      return fault;
    };
    const net = network(appFetch, choose);
    const timers = recordingTimers(true);
    // The deadline is short, but several times what a full batch of 500 takes on a test machine.
    const { db, syncer } = boot(freshName(), { fetch: net.fetch, timers, timeoutMs: 1000, random: seededRandom(7) });
    await logIn(syncer, user);
    const seen: SyncStatus[] = [];
    syncer.subscribe((status) => seen.push(status));

    // A shift without network.
    mode = 'down';
    let at = await recordCalls(db, 170, api.clock.now);
    expect(await syncer.syncNow()).toMatchObject({ state: 'offline', waiting: 510 });
    mode = 'faulty';
    await vi.waitFor(() => expect(syncer.status()).toMatchObject({ state: 'synced', waiting: 0 }), {
      timeout: 25_000,
      interval: 20,
    });
    expect(await expectExactlyOnce(db)).toBe(510);

    // The operator keeps working while the network stays bad: every call is an upload of its own.
    for (let call = 0; call < 30; call++) {
      at = await recordCalls(db, 1, at);
      await syncer.syncNow();
    }
    await vi.waitFor(() => expect(syncer.status()).toMatchObject({ state: 'synced', waiting: 0 }), {
      timeout: 25_000,
      interval: 20,
    });
    await net.settled();

    expect(await expectExactlyOnce(db)).toBe(600);
    const faults = new Set(net.log.filter((x) => x.path.includes('/sync/')).map((x) => x.fault));
    expect([...faults].sort()).toEqual(['error500', 'hang-after', 'hang-before', 'ok', 'reset-after', 'reset-before']);
    // Of the requests after the planned ones, about 30 % failed, in every random way.
    const failed = randomFaults.filter((f) => f !== 'ok').length / randomFaults.length;
    expect(randomFaults.length).toBeGreaterThanOrEqual(60);
    expect(failed).toBeGreaterThan(0.2);
    expect(failed).toBeLessThan(0.4);
    expect(new Set(randomFaults)).toEqual(new Set(['ok', 'error500', 'reset-before', 'reset-after']));
    // Backoff: from half a second, growing while failures repeat, never beyond the one-minute cap.
    const retries = timers.delays;
    expect(Math.min(...retries)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...retries)).toBeGreaterThanOrEqual(4000);
    expect(Math.max(...retries)).toBeLessThanOrEqual(60_000);
    // Meanwhile the badge said offline with the events still waiting, and the count went down.
    const offline = seen.filter((s) => s.state === 'offline').map((s) => s.waiting);
    expect(offline).toContain(510);
    expect(offline).toContain(10);
    expect(seen.at(-1)).toMatchObject({ state: 'synced', waiting: 0, lastError: null });
  }, 45_000);

  test('R07: the server restored from an older backup: the client re-uploads what it lacks, takes its content, loses nothing', async () => {
    const user = await newOperator();
    const net = network(appFetch);
    const { db, syncer } = boot(freshName(), { fetch: net.fetch });
    await logIn(syncer, user);
    const old = await publish('old');
    let at = await recordCalls(db, 2, api.clock.now);
    // A call still running when the backup is taken: tagged and ended only afterwards.
    const running = await startCall(db, manual, at);
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    const backup = await backupSyncTables();

    at += 1000;
    await tagCall(db, 'termination', running.id, at);
    await endCall(db, at + 30_000);
    await recordCalls(db, 2, at + 60_000);
    const newer = await publish('new');
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    expect((await db.documents.toArray()).map((d) => d.versionId)).toEqual([newer.versionId]);
    const cursorBefore = (await loadPullState(db)).cursor;
    expect(cursorBefore).toBe(newer.cursor);
    const { deviceId, nextSeq } = await deviceIdentity(db);
    expect(await serverEvents(deviceId)).toHaveLength(nextSeq - 1);

    await backup.restore();
    expect(await serverEvents(deviceId)).toHaveLength(7);

    const before = net.log.length;
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0, lastError: null });
    const after = net.log.slice(before);
    const pull = after.find((x) => x.path.startsWith('/api/v1/sync/pull'));
    // The client's cursor is ahead of the server's: the answer is a reset to what the server has.
    expect(pull?.body).toMatchObject({ reset: true, cursor: old.cursor });
    expect(after.filter(isPush).map((x) => x.body)).toEqual([
      { lastSeq: nextSeq - 1, accepted: nextSeq - 8, duplicates: 0, deadLettered: 0 },
    ]);
    expect(await expectExactlyOnce(db)).toBe(nextSeq - 1);
    // The call running at backup time has its later tag and end on the server again.
    const [row] = await api.db.query<{ ended_at: number | null; tags: CallTag[] }>(
      'select ended_at, tags from calls where id = $1',
      [running.id],
    );
    expect(row).toMatchObject({ ended_at: at + 30_000, tags: [{ typeId: 'termination' }] });
    expect((await db.documents.toArray()).map((d) => d.versionId)).toEqual([old.versionId]);
    expect((await loadPullState(db)).cursor).toBe(old.cursor);
    // Another sync agrees with the restored server: no reset, nothing to send.
    const again = net.log.length;
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    expect(net.log.slice(again).map((x) => [x.path.split('?')[0], (x.body as { reset?: boolean }).reset])).toEqual([
      ['/api/v1/sync/pull', false],
    ]);
  });

  test('R07: restored while events wait, and a release published right after reuses a cursor the client saw: repaired, reset, nothing lost', async () => {
    const user = await newOperator();
    const net = network(appFetch);
    const { db, syncer } = boot(freshName(), { fetch: net.fetch });
    await logIn(syncer, user);
    await publish('before the backup');
    let at = await recordCalls(db, 2, api.clock.now);
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    const backup = await backupSyncTables();
    at = await recordCalls(db, 2, at);
    const lost = await publish('lost by the restore');
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    expect((await loadPullState(db)).cursor).toBe(lost.cursor);

    await backup.restore();
    // The lead publishes again at once: the restored sequence hands out the client's cursor again.
    const republished = await publish('after the restore');
    expect(republished.cursor).toBe(lost.cursor);
    // Meanwhile the operator worked on.
    await recordCalls(db, 1, at);

    const before = net.log.length;
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0, lastError: null });
    const after = net.log.slice(before);
    // The upload meets the gap first and repairs it from the archive ...
    expect(after.filter(isPush).map((x) => x.status)).toEqual([409, 200]);
    expect(after.find(isPush)?.body).toMatchObject({ error: { code: 'sequence_gap' }, expectedSeq: 7 });
    // ... then the pull is a reset, although the cursors are equal.
    const pull = after.find((x) => x.path.startsWith('/api/v1/sync/pull'));
    expect(pull?.body).toMatchObject({ reset: true, cursor: republished.cursor });
    expect(await expectExactlyOnce(db)).toBe(15);
    expect((await db.documents.toArray()).map((d) => d.versionId)).toEqual([republished.versionId]);
  });

  test('R14: the worker killed every few operations, also mid-upload: every event once, session and cursor from storage', async () => {
    const user = await newOperator();
    const name = freshName();
    const first = boot(name);
    await logIn(first.syncer, user);
    const session = await first.syncer.sessionState();
    const cursor = (await loadPullState(first.db)).cursor;
    kill(first);

    let at = api.clock.now;
    let killedMidUpload = 0;
    let undone = 0;
    // Each life's first upload after its writes: passed, handed to the server by a worker that
    // dies at once (the server finishes alone), or committed with the answer lost as the worker dies.
    const lifeFaults: Fault[] = ['ok', 'detach', 'reset-after'];
    for (let life = 0; life < 9; life++) {
      let armed = false;
      const fault = lifeFaults[life % lifeFaults.length]!;
      const net = network(appFetch, (request) => {
        if (!armed || !isPush(request)) return 'ok';
        armed = false;
        return fault;
      });
      let current: Worker | null = null;
      const dying: FetchFn = async (request) => {
        try {
          return await net.fetch(request);
        } catch (error) {
          killedMidUpload += 1;
          if (current) kill(current);
          throw error;
        }
      };
      current = boot(name, { fetch: dying });
      const { db, syncer } = current;
      syncer.start();
      // Session and cursor come back from storage, not from memory.
      expect(await syncer.sessionState()).toEqual(session);
      expect((await loadPullState(db)).cursor).toBe(cursor);
      try {
        // The call started in the previous life is tagged and finished in this one.
        if (life > 0) {
          at += 1000;
          await tagCall(db, 'other', undefined, at);
          if (life % 4 === 2) {
            await undoLastTag(db, undefined, at + 500);
            undone += 1;
          }
          at += 1000;
          await endCall(db, at);
        }
        at += 1000;
        await startCall(db, manual, at);
        at += 1000;
        await tagCall(db, TAG_TYPES[life % TAG_TYPES.length]!, undefined, at);
        armed = true;
        if (life % 2 === 1) await syncer.syncNow();
        else void syncer.syncNow();
      } catch (error) {
        // Only a kill during the writes may interrupt them (then neither row nor event exists, R02).
        expect(String(error)).toMatch(/closed/i);
      }
      kill(current);
    }
    for (const net of networks) await net.settled();

    const last = boot(name);
    expect(await last.syncer.sessionState()).toEqual(session);
    await expect(last.syncer.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    expect(killedMidUpload).toBeGreaterThanOrEqual(3);
    const events = await expectExactlyOnce(last.db);
    const { deviceId } = await deviceIdentity(last.db);
    const types = (await serverEvents(deviceId)).map((e) => e.type);
    expect(types.filter((t) => t === 'call.untagged')).toHaveLength(undone);
    expect(types.filter((t) => t === 'call.tagged').length).toBeGreaterThanOrEqual(17);
    expect(events).toBe(types.length);
    expect((await loadPullState(last.db)).cursor).toBe(cursor);
  });

  test('R19: a revoked token: the next sync asks for login, the outbox is untouched; after logging in again everything uploads', async () => {
    const user = await newOperator();
    const net = network(appFetch);
    const { db, syncer } = boot(freshName(), { fetch: net.fetch });
    await logIn(syncer, user);
    let at = await recordCalls(db, 1, api.clock.now);
    expect(await syncer.syncNow()).toMatchObject({ state: 'synced', waiting: 0 });
    at = await recordCalls(db, 2, at);
    const waiting = await db.outbox.orderBy('seq').toArray();
    const oldToken = (await loadSession(db)).token;

    const revoked = await api.request('POST', `/api/v1/users/${user.id}/revoke-tokens`, { as: 'admin' });
    expect(revoked.status).toBe(200);
    // It stops working at once.
    expect((await api.request('GET', '/api/v1/auth/me', { token: oldToken! })).status).toBe(401);

    expect(await syncer.syncNow()).toMatchObject({ state: 'login', waiting: 6 });
    expect(await db.outbox.orderBy('seq').toArray()).toEqual(waiting);
    expect(await syncer.sessionState()).toEqual({
      server: SERVER,
      user: expect.objectContaining({ id: user.id }),
      expiresAt: null,
    });
    expect((await loadSession(db)).token).toBeNull();
    const { deviceId } = await deviceIdentity(db);
    expect(await serverEvents(deviceId)).toHaveLength(3);

    // Work goes on while logged out; nothing is sent without a token.
    await recordCalls(db, 1, at);
    const before = net.log.length;
    expect(await syncer.syncNow()).toMatchObject({ state: 'login', waiting: 9 });
    expect(net.log.length).toBe(before);

    await logIn(syncer, user);
    expect(syncer.status()).toMatchObject({ state: 'synced', waiting: 0 });
    expect(await expectExactlyOnce(db)).toBe(12);
  });

  test('R19: a token the server considers expired (the client clock is behind) leads to login, outbox untouched', async () => {
    const user = await newOperator();
    let clientNow = api.clock.now;
    const { db, syncer } = boot(freshName(), { now: () => clientNow });
    const serverStart = api.clock.now;
    try {
      await logIn(syncer, user);
      await recordCalls(db, 1, clientNow);
      const waiting = await db.outbox.orderBy('seq').toArray();
      // A month and a minute pass on the server; the client's clock is a day behind.
      api.clock.now += TOKEN_TTL_MS + 60_000;
      clientNow = api.clock.now - 24 * 3600_000;
      expect(await syncer.syncNow()).toMatchObject({ state: 'login', waiting: 3 });
      expect(await db.outbox.orderBy('seq').toArray()).toEqual(waiting);
      await logIn(syncer, user);
      expect(syncer.status()).toMatchObject({ state: 'synced', waiting: 0 });
      expect(await expectExactlyOnce(db)).toBe(3);
    } finally {
      api.clock.now = serverStart;
    }
  });

  // ---- a backup of the sync tables, and restoring it (R07) ----

  /** Tables a restore of the sync data puts back; users and tokens stay as they are (as logins do). */
  const SYNC_TABLES = ['devices', 'events', 'dead_letters', 'calls', 'call_tags', 'documents', 'document_versions'];
  /** Identity columns: a dump restores their sequences too, so numbers handed out since are handed out again. */
  const IDENTITY: Record<string, string> = { events: 'ingest_seq', document_versions: 'cursor' };

  async function backupSyncTables() {
    const prefix = `backup_${++names}`;
    for (const table of SYNC_TABLES) await api.db.exec(`create table ${prefix}_${table} as select * from ${table}`);
    const sequences: { name: string; value: number; called: boolean }[] = [];
    for (const [table, column] of Object.entries(IDENTITY)) {
      const [row] = await api.db.query<{ name: string }>('select pg_get_serial_sequence($1, $2) as name', [
        table,
        column,
      ]);
      const [state] = await api.db.query<{ value: number; called: boolean }>(
        `select last_value as value, is_called as called from ${row!.name}`,
      );
      sequences.push({ name: row!.name, ...state! });
    }
    return {
      async restore() {
        await api.db.transaction(async (tx) => {
          for (const table of [...SYNC_TABLES].reverse()) await tx.query(`delete from ${table}`);
          for (const table of SYNC_TABLES) {
            const overriding = table in IDENTITY ? 'overriding system value' : '';
            await tx.query(`insert into ${table} ${overriding} select * from ${prefix}_${table}`);
          }
          for (const { name, value, called } of sequences) {
            await tx.query('select setval($1, $2, $3)', [name, value, called]);
          }
        });
        for (const table of SYNC_TABLES) await api.db.exec(`drop table ${prefix}_${table}`);
      },
    };
  }
});
