// Downloading content: which classifier is in effect, a pull applied whole or not at all (R09),
// a call keeping the release it started with (R11), and a server restored from an older backup
// (R07): the client notices, takes the server's older content and uploads what the server lost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPanelState } from '@/lib/background/panel-feed';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { loadClassifier, saveClassifier } from '@/lib/db/config-store';
import type { PanelDatabase } from '@/lib/db/database';
import { loadPullState } from '@/lib/db/document-store';
import { deviceIdentity } from '@/lib/db/outbox';
import type { ContentVersion } from '@/lib/schema/api';
import { pruneArchive } from '@/lib/sync/archive';
import type { Syncer } from '@/lib/sync/syncer';
import { freshDb, T0 } from './helpers';
import { FakeSyncServer, publishClassifier, recordCalls, testSyncer } from './sync-fake-server';

const TYPES = DEFAULT_CLASSIFIER.types;
const byId = (...ids: string[]) => TYPES.filter((t) => ids.includes(t.id));
const manual = { source: 'manual' as const, origin: null, tabId: null };

let db: PanelDatabase;
let syncer: Syncer;
afterEach(async () => {
  syncer?.stop();
  await db?.delete();
});

async function operatorOnline(server: FakeSyncServer, options: Parameters<typeof testSyncer>[2] = {}) {
  db = freshDb();
  syncer = testSyncer(db, server, options);
  await syncer.login({ server: server.url, ...server.operator });
  await syncer.syncNow();
}

async function typeIdsInEffect() {
  return (await loadClassifier(db)).types.map((t) => t.id);
}

describe('the classifier in effect', () => {
  it("local until the server has one; then the organisation's; the user's team's wins over it", async () => {
    const server = new FakeSyncServer();
    await operatorOnline(server);
    await saveClassifier(db, { version: 0, types: byId('billing', 'other') });
    expect(await typeIdsInEffect()).toEqual(['billing', 'other']);
    expect((await startCall(db, manual, T0)).versions.classifier).toBe(1);
    await endCall(db, T0 + 1000);

    const org = await publishClassifier(server, server.admin, null, byId('termination', 'other'));
    await syncer.syncNow();
    expect(await typeIdsInEffect()).toEqual(['termination', 'other']);
    // A call records the server's version id, which the server can always resolve (R11).
    expect((await startCall(db, manual, T0 + 200_000)).versions.classifier).toBe(org.versionId);
    await endCall(db, T0 + 201_000);

    const team = await publishClassifier(server, server.lead, server.teamId, byId('connection', 'other'));
    await publishClassifier(server, server.admin, server.otherTeamId, byId('tech_support'));
    await syncer.syncNow();
    expect(await typeIdsInEffect()).toEqual(['connection', 'other']);
    expect((await startCall(db, manual, T0 + 400_000)).versions.classifier).toBe(team.versionId);
    expect(await db.documents.count()).toBe(2);
    expect((await loadClassifier(db)).version).toBe(1);
  });

  it('R10: a publish reaches the panel state after the poke and pull', async () => {
    const server = new FakeSyncServer();
    await operatorOnline(server);
    await publishClassifier(server, server.lead, server.teamId, byId('billing', 'down_balance'));
    await syncer.syncNow();
    const state = await readPanelState(db, 'http://localhost:5173', T0, syncer.status());
    expect(state.classifier.types.map((t) => t.id)).toEqual(['billing', 'down_balance']);
  });
});

describe('R09: an interrupted download', () => {
  async function releaseOne(server: FakeSyncServer) {
    await publishClassifier(server, server.admin, null, byId('billing', 'other'), 'org 1');
    await publishClassifier(server, server.lead, server.teamId, byId('billing', 'termination'), 'team 1');
    await syncer.syncNow();
    return {
      docs: await db.documents.toArray(),
      cursor: await loadPullState(db),
      classifier: await loadClassifier(db),
    };
  }

  async function releaseTwo(server: FakeSyncServer) {
    await publishClassifier(server, server.admin, null, byId('connection', 'other'), 'org 2');
    await publishClassifier(server, server.lead, server.teamId, byId('connection', 'tech_support'), 'team 2');
  }

  const notes = (docs: ContentVersion[]) => docs.map((d) => d.note).sort();

  it('R09: network cut half-way through the answer: the previous release stays, cursor unchanged', async () => {
    const server = new FakeSyncServer();
    let cut = false;
    await operatorOnline(server, {
      fetch: async (request) => {
        const response = await server.fetch(request);
        if (!cut || !request.url.includes('/sync/pull')) return response;
        const bytes = new Uint8Array(await response.arrayBuffer());
        return new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(bytes.slice(0, bytes.length / 2));
              controller.error(new TypeError('network cut'));
            },
          }),
          { status: 200 },
        );
      },
    });
    const before = await releaseOne(server);
    await releaseTwo(server);
    cut = true;
    expect((await syncer.syncNow()).state).toBe('offline');
    expect(await db.documents.toArray()).toEqual(before.docs);
    expect(await loadPullState(db)).toEqual(before.cursor);
    expect(await loadClassifier(db)).toEqual(before.classifier);

    cut = false;
    await syncer.syncNow();
    expect(notes(await db.documents.toArray())).toEqual(['org 2', 'team 2']);
  });

  it('R09: worker killed while storing the release: nothing of it is stored, never a mix of two', async () => {
    const server = new FakeSyncServer();
    await operatorOnline(server);
    const before = await releaseOne(server);
    await releaseTwo(server);
    // The documents are written, then the transaction dies before the cursor is: all rolls back.
    const put = db.meta.put.bind(db.meta);
    const spy = vi.spyOn(db.meta, 'put').mockImplementation((row, key) => {
      if (row.key === 'pull') throw new Error('worker terminated');
      return put(row, key);
    });
    expect((await syncer.syncNow()).state).toBe('error');
    spy.mockRestore();
    expect(notes(await db.documents.toArray())).toEqual(['org 1', 'team 1']);
    expect(await loadPullState(db)).toEqual(before.cursor);
    expect(await loadClassifier(db)).toEqual(before.classifier);

    await syncer.syncNow();
    expect(notes(await db.documents.toArray())).toEqual(['org 2', 'team 2']);
    expect(await typeIdsInEffect()).toEqual(['connection', 'tech_support']);
  });
});

describe('R11: a release arriving during a call', () => {
  it('R11: the call keeps the version it started with; the next call gets the new one', async () => {
    const server = new FakeSyncServer();
    await operatorOnline(server);
    const first = await publishClassifier(server, server.lead, server.teamId, byId('billing', 'other'));
    await syncer.syncNow();
    const call = await startCall(db, manual, T0);
    expect(call.versions.classifier).toBe(first.versionId);

    const second = await publishClassifier(server, server.lead, server.teamId, byId('termination', 'other'));
    await syncer.syncNow();
    expect(await typeIdsInEffect()).toEqual(['termination', 'other']);

    // The running call is still tagged (and shown) with the classifier it started with.
    const tagged = await tagCall(db, 'billing', undefined, T0 + 1000);
    expect(tagged.versions.classifier).toBe(first.versionId);
    const panel = await readPanelState(db, 'http://localhost:5173', T0 + 2000);
    expect(panel.classifier.types.map((t) => t.id)).toEqual(['billing', 'other']);

    await endCall(db, T0 + 5000);
    const next = await startCall(db, manual, T0 + 200_000);
    expect(next.versions.classifier).toBe(second.versionId);
    await expect(tagCall(db, 'billing', undefined, T0 + 201_000)).rejects.toThrow('unknown call type');
  });
});

describe('R07: the server restored from an older backup', () => {
  async function history(server: FakeSyncServer) {
    await recordCalls(db, 2, T0);
    await publishClassifier(server, server.lead, server.teamId, TYPES, 'old');
    await syncer.syncNow();
    const backup = server.backup();
    await recordCalls(db, 3, T0 + 3_600_000);
    const fewer = byId('billing', 'termination', 'connection', 'tech_support');
    await publishClassifier(server, server.lead, server.teamId, fewer, 'new');
    await syncer.syncNow();
    expect(await db.outbox.count()).toBe(0);
    return backup;
  }

  it('R07: cursor ahead of the server -> reset pull; acknowledged events the server lost are uploaded again', async () => {
    const server = new FakeSyncServer();
    await operatorOnline(server);
    const { deviceId } = await deviceIdentity(db);
    server.restore(await history(server));
    expect(await server.storedEvents(deviceId)).toHaveLength(6);

    const status = await syncer.syncNow();
    expect(status).toMatchObject({ state: 'synced', waiting: 0, lastError: null });
    const events = await server.storedEvents(deviceId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    // The server's content is what it has now: the older release replaced the newer one.
    expect((await db.documents.toArray()).map((d) => d.note)).toEqual(['old']);
    expect(await typeIdsInEffect()).toEqual(TYPES.map((t) => t.id));
  });

  it('R07: events no longer archived here are reported, never silently lost; later events still sync', async () => {
    const server = new FakeSyncServer();
    await operatorOnline(server);
    const { deviceId } = await deviceIdentity(db);
    server.restore(await history(server));
    // Fifteen days later the archive of acknowledged events has been pruned.
    await pruneArchive(db, Date.now() + 15 * 24 * 3600_000);

    const status = await syncer.syncNow();
    expect(status.lastError).toMatch(/^9 events from this device were lost on the server/);
    await recordCalls(db, 1, T0 + 7_200_000);
    await expect(syncer.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    const events = await server.storedEvents(deviceId);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(syncer.status().lastError).toMatch(/9 events/);
  });
});
