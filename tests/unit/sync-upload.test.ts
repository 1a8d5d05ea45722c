// Uploading the outbox against a server with the contract's semantics, through bad networks:
// exactly once and in order (R01, R06), gaps repaired by the client itself (R04), one uploader at
// a time while several writers append (R15).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPanelState } from '@/lib/background/panel-feed';
import { tagCall } from '@/lib/calls/call-store';
import { PanelDatabase } from '@/lib/db/database';
import { deviceIdentity } from '@/lib/db/outbox';
import type { SyncStatus } from '@/lib/messaging/protocol';
import { acknowledge } from '@/lib/sync/archive';
import type { Syncer } from '@/lib/sync/syncer';
import { freshDb, T0 } from './helpers';
import {
  FakeSyncServer,
  type Fault,
  fakeLocks,
  faultyFetch,
  instantTimers,
  recordCalls,
  seededRandom,
  testSyncer,
} from './sync-fake-server';

let db: PanelDatabase;
const syncers: Syncer[] = [];
afterEach(async () => {
  for (const s of syncers.splice(0)) s.stop();
  await db?.delete();
});

async function setUp(server: FakeSyncServer, options: Parameters<typeof testSyncer>[2] = {}) {
  db ??= freshDb();
  const syncer = testSyncer(db, server, options);
  syncers.push(syncer);
  // Log in over a clean network; the faults are for the sync traffic.
  const clean = testSyncer(db, server);
  await clean.login({ server: server.url, ...server.operator });
  clean.stop();
  return syncer;
}

async function stored(server: FakeSyncServer) {
  return server.storedEvents((await deviceIdentity(db)).deviceId);
}

function expectExactlyOnceInOrder(events: { seq: number; id: string }[], count: number) {
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  expect(new Set(events.map((e) => e.id)).size).toBe(count);
  // Event ids are ULIDs made in order: the server holds them in the order they were recorded.
  expect(events.map((e) => e.id)).toEqual(events.map((e) => e.id).sort());
}

describe('upload', () => {
  it('uploads in batches of at most 500, archives what was acknowledged, empties the outbox', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    const syncer = await setUp(server);
    await recordCalls(db, 170, T0);
    const pushes: number[] = [];
    const counting = testSyncer(db, server, {
      fetch: async (request) => {
        if (request.url.endsWith('/sync/push')) pushes.push((await request.clone().json()).events.length);
        return server.fetch(request);
      },
    });
    syncers.push(counting);
    syncer.stop();
    await expect(counting.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    expect(pushes).toEqual([500, 10]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sent.count()).toBe(510);
    expectExactlyOnceInOrder(await stored(server), 510);
  });

  it('R01: the server commits, the answer is lost, the client retries: exactly once, outbox empty', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    let lost = 0;
    const fetch = faultyFetch(server.fetch, (request) =>
      request.url.endsWith('/sync/push') && lost++ === 0 ? 'reset-after' : 'ok',
    );
    const timers = instantTimers();
    const syncer = await setUp(server, { fetch, timers });
    await recordCalls(db, 2, T0);
    const first = await syncer.syncNow();
    expect(first).toMatchObject({ state: 'offline', waiting: 6 });
    // The server already holds all six although the client does not know it yet.
    expect(await stored(server)).toHaveLength(6);
    await vi.waitFor(() => expect(syncer.status().state).toBe('synced'));
    expect(timers.delays.length).toBeGreaterThan(0);
    expect(await db.outbox.count()).toBe(0);
    expectExactlyOnceInOrder(await stored(server), 6);
  });

  it('R04: a batch with a gap is refused with the expected sequence, nothing applied; the client recovers by itself', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    const answers: number[] = [];
    const syncer = await setUp(server, {
      fetch: async (request) => {
        const response = await server.fetch(request);
        if (request.url.endsWith('/sync/push')) answers.push(response.status);
        return response;
      },
    });
    await syncer.syncNow();
    await recordCalls(db, 3, T0);
    // Events 1..3 leave the outbox as if acknowledged, though the server never saw them.
    await acknowledge(db, 3, Date.now());
    const status = await syncer.syncNow();
    expect(answers).toEqual([409, 200]);
    expect(status).toMatchObject({ state: 'synced', waiting: 0 });
    expectExactlyOnceInOrder(await stored(server), 9);
  });

  it('R04: a server that already holds the start of a batch (strict about overlap) makes the client archive those', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    const syncer = await setUp(server);
    await recordCalls(db, 2, T0);
    // Upload everything behind the client's back: its acknowledgement "got lost".
    const { deviceId } = await deviceIdentity(db);
    const events = await db.outbox.orderBy('seq').limit(4).toArray();
    const token = (await db.meta.get('session'))?.value as { token: string };
    await server.fetch(
      new Request(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId, events }),
      }),
    );
    server.strictOverlap = true;
    await expect(syncer.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    expect(await db.sent.count()).toBe(6);
    expectExactlyOnceInOrder(await stored(server), 6);
  });

  it('R04: a server claiming numbers this device never handed out makes nothing be dropped', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    const syncer = await setUp(server);
    await recordCalls(db, 1, T0);
    server.strictOverlap = true;
    server.pretendLastSeq = 100;
    const status = await syncer.syncNow();
    expect(status).toMatchObject({ state: 'error', waiting: 3 });
    expect(status.lastError).toMatch(/nothing was dropped/);
    expect(await db.outbox.count()).toBe(3);
  });

  it('R06: 8 hours offline (600 events), then a faulty network: exactly once, in order, with backoff; N waiting meanwhile', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    let network: 'down' | 'faulty' = 'down';
    // Five failures in a row (the backoff grows), then every kind again, then 40% at random.
    const plan: Fault[] = ['error500', 'timeout', 'reset-before', 'reset-after', 'timeout', 'ok', 'reset-after', 'ok'];
    const random = seededRandom(6);
    const faults: Fault[] = [];
    const fetch = faultyFetch(server.fetch, () => {
      if (network === 'down') return 'reset-before';
      const r = random();
      const fault: Fault =
        plan.shift() ??
        (r < 0.1 ? 'error500' : r < 0.2 ? 'timeout' : r < 0.3 ? 'reset-before' : r < 0.4 ? 'reset-after' : 'ok');
      faults.push(fault);
      return fault;
    });
    const timers = instantTimers();
    const syncer = await setUp(server, { fetch, timers, timeoutMs: 30 });
    const seen: SyncStatus[] = [];
    syncer.subscribe((status) => seen.push(status));
    syncer.start();

    // A shift without network: every write pokes the syncer, every attempt fails.
    await recordCalls(db, 200, T0);
    await vi.waitFor(() => expect(syncer.status()).toMatchObject({ state: 'offline', waiting: 600 }));
    const panel = await readPanelState(db, 'http://localhost:5173', T0, syncer.status());
    expect(panel.sync).toMatchObject({ state: 'offline', waiting: 600 });

    network = 'faulty';
    await syncer.syncNow();
    await vi.waitFor(() => expect(syncer.status().state).toBe('synced'), { timeout: 20_000, interval: 20 });

    expectExactlyOnceInOrder(await stored(server), 600);
    expect(await db.outbox.count()).toBe(0);
    expect(faults).toContain('timeout');
    expect(faults).toContain('reset-after');
    // Backoff: between half a second and the one-minute cap, growing while failures repeat.
    const retries = timers.delays.filter((ms) => ms !== 300);
    expect(Math.min(...retries)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...retries)).toBeGreaterThanOrEqual(4000);
    expect(Math.max(...retries)).toBeLessThanOrEqual(60_000);
    // Meanwhile the badge said offline with the events still waiting, and the count went down.
    const offline = seen.filter((s) => s.state === 'offline').map((s) => s.waiting);
    expect(offline).toContain(600);
    expect(offline.some((n) => n > 0 && n < 600)).toBe(true);
  }, 30_000);

  it('R15: two writers at once and one uploader: no sequence gaps, one upload at a time', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    const locks = fakeLocks();
    const syncer = await setUp(server, { locks });
    // A second handle on the same database (another context) with its own syncer, same lock.
    const other = new PanelDatabase(db.name);
    const second = testSyncer(other, server, { locks });
    syncers.push(second);
    syncer.start();
    second.start();

    await recordCalls(db, 10, T0);
    const calls = (await db.calls.orderBy('startedAt').toArray()).map((c) => c.id);
    // Late tags by call id: each writer its own calls, so the number of events is known.
    const writer = async (handle: PanelDatabase, mine: string[], start: number) => {
      let at = start;
      for (const type of ['other', 'down_balance', 'tariff_change']) {
        for (const callId of mine) {
          at += 1000;
          await tagCall(handle, type, callId, at);
          if (at % 3000 === 0) void syncer.syncNow();
        }
        void second.syncNow();
      }
    };
    await Promise.all([
      writer(db, calls.slice(0, 5), T0 + 3_600_000),
      writer(other, calls.slice(5), T0 + 3_600_500),
      syncer.syncNow(),
      second.syncNow(),
    ]);
    await Promise.all([syncer.syncNow(), second.syncNow()]);
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));

    const seqs = (await stored(server)).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBe(60);
    expect(server.maxConcurrentPushes).toBe(1);
    expect(locks.maxHeld).toBe(1);
    other.close();
  });
});
