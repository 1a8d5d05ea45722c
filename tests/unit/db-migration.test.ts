// Schema upgrades (R12): a database written by the previous version, with events still waiting
// in the outbox, is opened by the new code: the outbox survives byte for byte and the server
// accepts those events.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { contentForCall } from '@/lib/content/effective';
import { PanelDatabase } from '@/lib/db/database';
import { newId } from '@/lib/db/ids';
import { appendEvent } from '@/lib/db/outbox';
import { fakeUlid, freshDb, makeCall, T0 } from './helpers';
import { FakeSyncServer, testSyncer } from './sync-fake-server';

/** The schema as shipped in version 1, before sync existed. */
function versionOne(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    calls: 'id, startedAt, endedAt',
    outbox: 'id, &seq',
    meta: 'key',
    sites: 'origin',
  });
  return db;
}

/** Version 2 as shipped with sync: documents and the archive of sent events, no stored versions. */
function versionTwo(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    calls: 'id, startedAt, endedAt',
    outbox: 'id, &seq',
    meta: 'key',
    sites: 'origin',
  });
  db.version(2).stores({
    documents: 'documentId, kind',
    sent: 'id, &seq, sentAt',
  });
  return db;
}

let db: PanelDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('database upgrades', () => {
  it('R12: a v1 database with waiting events opened by the new code: outbox intact, events still accepted', async () => {
    const name = freshDb().name;
    // Written with the v1 schema the way v1 did: the call row and its event in one transaction.
    const old = versionOne(name) as unknown as PanelDatabase;
    const call = makeCall({ id: newId(T0), startedAt: T0, updatedAt: T0 });
    await old.transaction('rw', [old.calls, old.outbox, old.meta], async () => {
      await old.calls.add(call);
      await appendEvent(old, 'call.started', call, T0);
    });
    const v1Rows = await old.table('outbox').toArray();
    expect(old.verno).toBe(1);
    old.close();

    db = new PanelDatabase(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.outbox.toArray()).toEqual(v1Rows);
    expect(await db.documents.count()).toBe(0);
    expect(await db.sent.count()).toBe(0);

    // The new code keeps appending after the old events, with no gap.
    await tagCall(db, 'billing', call.id, T0 + 2000);
    await endCall(db, T0 + 3000);
    await startCall(db, { source: 'manual', origin: null, tabId: null }, T0 + 4000);
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);

    const server = new FakeSyncServer();
    const syncer = testSyncer(db, server);
    await syncer.login({ server: server.url, ...server.operator });
    await expect(syncer.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    syncer.stop();
    const deviceId = v1Rows[0].deviceId;
    expect((await server.storedEvents(deviceId)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(server.deadLetters(deviceId)).toEqual([]);
  });

  it('R12: the upgrade keeps calls, settings, sites and the device identity', async () => {
    const name = freshDb().name;
    const old = versionOne(name);
    await old.table('meta').put({ key: 'device', value: { deviceId: '01JDEVICE00000000000000000', nextSeq: 42 } });
    await old.table('sites').put({ origin: 'https://crm.example.com', builtIn: false });
    old.close();
    db = new PanelDatabase(name);
    expect((await db.meta.get('device'))?.value).toEqual({ deviceId: '01JDEVICE00000000000000000', nextSeq: 42 });
    expect(await db.sites.count()).toBe(1);
  });

  it('R12: a v2 database with data opened by the new code keeps everything; pulled documents become stored versions', async () => {
    const name = freshDb().name;
    const old = versionTwo(name);
    const scriptsVersion = fakeUlid(900);
    const document = {
      documentId: fakeUlid(800),
      versionId: scriptsVersion,
      kind: 'scripts',
      teamId: null,
      version: 4,
      cursor: 12,
      body: { modules: [] },
      note: 'v4',
      publishedAt: T0,
      publishedBy: 'lead',
    };
    // A call referencing that version: after the upgrade it is found among the stored versions.
    const call = makeCall({
      id: newId(T0),
      startedAt: T0,
      updatedAt: T0,
      versions: { classifier: 0, scripts: scriptsVersion },
    });
    const oldV2 = old as unknown as PanelDatabase;
    await old.open();
    await oldV2.transaction('rw', [oldV2.calls, oldV2.outbox, oldV2.meta], async () => {
      await oldV2.calls.add(call);
      await appendEvent(oldV2, 'call.started', call, T0);
    });
    await old.table('meta').put({ key: 'pull', value: { cursor: 12, scope: 'org:team' } });
    await old.table('meta').put({ key: 'settings', value: { wrapUpSeconds: 30 } });
    await old.table('sites').put({ origin: 'https://crm.example.com', builtIn: false });
    await old.table('documents').put(document);
    await old.table('sent').put({ id: newId(T0 - 1), seq: 0, sentAt: T0 });
    const before = Object.fromEntries(
      await Promise.all(
        ['calls', 'outbox', 'meta', 'sites', 'documents', 'sent'].map(async (t) => [t, await old.table(t).toArray()]),
      ),
    );
    expect(old.verno).toBe(2);
    old.close();

    db = new PanelDatabase(name);
    await db.open();
    expect(db.verno).toBe(3);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray()).toEqual(rows);
    expect(await db.contentVersions.toArray()).toEqual([document]);
    // The upgraded database keeps working: the next event follows the old one.
    await tagCall(db, 'billing', call.id, T0 + 1000);
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2]);
    expect((await contentForCall(db, (await db.calls.get(call.id)) ?? null)).refs.scripts).toBe(scriptsVersion);
  });
});
