// Schema upgrades (R12): a database written by the previous version, with events still waiting
// in the outbox, is opened by the new code: the outbox survives byte for byte and the server
// accepts those events.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { PanelDatabase } from '@/lib/db/database';
import { newId } from '@/lib/db/ids';
import { appendEvent } from '@/lib/db/outbox';
import { freshDb, makeCall, T0 } from './helpers';
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

let db: PanelDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('database version 2', () => {
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
    expect(db.verno).toBe(2);
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
});
