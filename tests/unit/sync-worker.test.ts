// The syncer in the life of an MV3 worker: killed at any moment (R14), woken by alarms, poked by
// local writes, never running two uploads at once, and keeping its badge in memory.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { PanelDatabase } from '@/lib/db/database';
import { loadPullState } from '@/lib/db/document-store';
import { deviceIdentity } from '@/lib/db/outbox';
import type { SyncStatus } from '@/lib/messaging/protocol';
import { CallTag } from '@/lib/schema/call';
import type { FetchFn } from '@/lib/sync/api-client';
import type { Syncer } from '@/lib/sync/syncer';
import { freshDb, T0 } from './helpers';
import {
  FakeSyncServer,
  faultyFetch,
  manualTimers,
  publishClassifier,
  recordCalls,
  testSyncer,
} from './sync-fake-server';

let name: string;
const open: { db: PanelDatabase; syncer: Syncer }[] = [];
afterEach(async () => {
  for (const { db, syncer } of open.splice(0)) {
    syncer.stop();
    db.close();
  }
  if (name) await new PanelDatabase(name).delete();
});

function boot(server: FakeSyncServer, fetch: FetchFn = server.fetch, options: Parameters<typeof testSyncer>[2] = {}) {
  const db = new PanelDatabase(name);
  const syncer = testSyncer(db, server, { fetch, ...options });
  open.push({ db, syncer });
  return { db, syncer };
}

/** The worker dies: no goodbye, timers gone, the database connection closed mid-whatever. */
function kill(life: { db: PanelDatabase; syncer: Syncer }) {
  life.syncer.stop();
  life.db.close();
}

describe('R14: the worker terminated again and again', () => {
  it('R14: a shift with the worker killed between writes and mid-upload: nothing lost, session and cursor come back', async () => {
    name = freshDb().name;
    const server = new FakeSyncServer();
    const first = boot(server);
    await first.syncer.login({ server: server.url, ...server.operator });
    await publishClassifier(server, server.lead, server.teamId, [
      { id: 'billing', key: 'Digit1', names: { ru: 'Платёж', en: 'Payment', pl: 'Płatność' } },
      { id: 'other', key: 'Digit2', names: { ru: 'Другое', en: 'Other', pl: 'Inne' } },
    ]);
    await first.syncer.syncNow();
    let cursor = (await loadPullState(first.db)).cursor;
    kill(first);

    let at = T0;
    let killedMidUpload = 0;
    for (let life = 0; life < 8; life++) {
      // Every other life dies right after the server committed an upload, before the answer.
      let current: { db: PanelDatabase; syncer: Syncer } | null = null;
      const killer = faultyFetch(server.fetch, (request) =>
        life % 2 === 1 && request.url.endsWith('/sync/push') ? 'reset-after' : 'ok',
      );
      const dying: FetchFn = async (request) => {
        try {
          return await killer(request);
        } catch (error) {
          killedMidUpload += 1;
          if (current) kill(current);
          throw error;
        }
      };
      current = boot(server, dying);
      const { db, syncer } = current;
      syncer.start();
      // Session and cursor come back from storage, not from memory.
      expect(await syncer.sessionState()).toMatchObject({ server: server.url, user: { login: 'operator' } });
      expect((await loadPullState(db)).cursor).toBe(cursor);

      if (life === 4) {
        await publishClassifier(server, server.lead, server.teamId, [
          { id: 'billing', key: 'Digit1', names: { ru: 'Платёж', en: 'Payment', pl: 'Płatność' } },
          { id: 'other', key: 'Digit2', names: { ru: 'Другое', en: 'Other', pl: 'Inne' } },
          { id: 'termination', key: 'Digit3', names: { ru: 'Расторжение', en: 'Termination', pl: 'Rozwiązanie' } },
        ]);
        await syncer.syncNow();
        cursor = (await loadPullState(db)).cursor;
      }
      try {
        // A call started in the previous life is tagged and finished in this one.
        if (life > 0) {
          at += 1000;
          await tagCall(db, 'other', undefined, at);
          at += 1000;
          await endCall(db, at);
        }
        at += 1000;
        await startCall(db, { source: 'manual', origin: null, tabId: null }, at);
        at += 1000;
        await tagCall(db, 'billing', undefined, at);
        if (life % 2 === 1) await syncer.syncNow();
        else void syncer.syncNow();
      } catch (error) {
        // Only a kill during the writes may interrupt them, and then neither row nor event exists (R02).
        expect(String(error)).toMatch(/closed/i);
      }
      kill(current);
    }

    expect(killedMidUpload).toBeGreaterThanOrEqual(3);
    const last = boot(server);
    await expect(last.syncer.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    const { deviceId, nextSeq } = await deviceIdentity(last.db);
    const events = await server.storedEvents(deviceId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: nextSeq - 1 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // Every tag on every local call reached the server exactly once.
    const tagged = events
      .filter((e) => e.type === 'call.tagged')
      .map((e) => CallTag.parse((e.payload as { tag: unknown }).tag).id)
      .sort();
    const local = (await last.db.calls.toArray()).flatMap((c) => c.tags.map((t) => t.id)).sort();
    expect(tagged).toEqual(local);
    expect(local.length).toBeGreaterThanOrEqual(14);
    expect((await loadPullState(last.db)).cursor).toBe(cursor);
  });
});

describe('triggers', () => {
  it('a burst of local writes makes one debounced upload', async () => {
    name = freshDb().name;
    const server = new FakeSyncServer();
    const timers = manualTimers();
    const { db, syncer } = boot(server, server.fetch, { timers });
    await syncer.login({ server: server.url, ...server.operator });
    await syncer.syncNow();
    syncer.start();
    await syncer.syncNow();
    const pushesBefore = server.requests.filter((r) => r.endsWith('/sync/push')).length;
    await recordCalls(db, 2, T0);
    await vi.waitFor(() => expect(timers.pending.filter((t) => t.ms === 300)).toHaveLength(1));
    timers.pending.find((t) => t.ms === 300)!.run();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(server.requests.filter((r) => r.endsWith('/sync/push')).length - pushesBefore).toBe(1);
  });

  it('R06: alarms and pokes respect a running backoff; the retry timer does not', async () => {
    name = freshDb().name;
    const server = new FakeSyncServer();
    const timers = manualTimers();
    let down = true;
    const fetch = faultyFetch(server.fetch, () => (down ? 'error500' : 'ok'));
    const { db, syncer } = boot(server, fetch, { timers });
    down = false;
    await syncer.login({ server: server.url, ...server.operator });
    await syncer.syncNow();
    down = true;
    await recordCalls(db, 1, T0);
    expect(await syncer.syncNow()).toMatchObject({ state: 'offline', waiting: 3 });
    const retry = timers.pending.find((t) => t.ms >= 500);
    expect(retry).toBeDefined();
    const requests = server.requests.length;
    const attempts = () => timers.pending.length;
    const before = attempts();
    syncer.onAlarm();
    syncer.poke();
    timers.pending.find((t) => t.ms === 300)?.run();
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.requests.length).toBe(requests);
    expect(attempts()).toBe(before);

    down = false;
    retry!.run();
    await vi.waitFor(() => expect(syncer.status()).toMatchObject({ state: 'synced', waiting: 0 }));
  });

  it('R15: concurrent sync requests run one at a time; a request during a run makes one more run', async () => {
    name = freshDb().name;
    const server = new FakeSyncServer();
    const { db, syncer } = boot(server);
    await syncer.login({ server: server.url, ...server.operator });
    await recordCalls(db, 3, T0);
    const results = await Promise.all([syncer.syncNow(), syncer.syncNow(), syncer.syncNow()]);
    expect(results.every((s: SyncStatus) => s.state === 'synced')).toBe(true);
    expect(server.maxConcurrentPushes).toBe(1);
    expect(server.requests.filter((r) => r === 'GET /sync/pull').length).toBeLessThanOrEqual(3);
  });

  it('the badge: off without a server, synced, then N waiting before the next upload', async () => {
    name = freshDb().name;
    const server = new FakeSyncServer();
    const { db, syncer } = boot(server, server.fetch, { timers: manualTimers() });
    expect((await syncer.refreshStatus()).state).toBe('off');
    await syncer.login({ server: server.url, ...server.operator });
    expect((await syncer.syncNow()).state).toBe('synced');
    await recordCalls(db, 1, T0);
    expect(await syncer.refreshStatus()).toMatchObject({ state: 'waiting', waiting: 3, lastError: null });
    expect(syncer.status().lastSyncAt).toBeGreaterThan(0);
  });
});
