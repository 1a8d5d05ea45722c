// The database layer of calls: every change writes the call and its outbox event together.
import { afterEach, describe, expect, it } from 'vitest';
import {
  callTransaction,
  endCall,
  startCall,
  tagCall,
  toggleCall,
  undoLastTag,
  updateContext,
} from '@/lib/calls/call-store';
import { saveSettings } from '@/lib/db/config-store';
import { PanelDatabase } from '@/lib/db/database';
import { appendEvent, deviceIdentity } from '@/lib/db/outbox';
import { CallRecord } from '@/lib/schema/call';
import { OutboxEvent } from '@/lib/schema/events';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { freshDb, T0 } from './helpers';

let db: PanelDatabase;
afterEach(async () => {
  await db?.delete();
});

const webrtc = { source: 'webrtc' as const, origin: 'http://localhost:5173', tabId: 7 };

describe('call lifecycle', () => {
  it('writes a call at start with its outbox event, and one record for two detectors', async () => {
    db = freshDb();
    const first = await startCall(db, webrtc, T0);
    const second = await startCall(db, { ...webrtc, source: 'adapter' }, T0 + 500);
    expect(second.id).toBe(first.id);
    expect(CallRecord.safeParse(first).success).toBe(true);
    expect(await db.calls.count()).toBe(1);
    const events = await db.outbox.toArray();
    expect(events.map((e) => e.type)).toEqual(['call.started']);
    expect(OutboxEvent.safeParse(events[0]).success).toBe(true);
  });

  it('records at start the versions it will show and be checked against (R11), and an empty script', async () => {
    db = freshDb();
    const call = await startCall(db, webrtc, T0);
    // Nothing pulled: the local classifier and the built-in content (ref 0).
    expect(call.versions).toEqual({ classifier: 0, scripts: 0, objections: 0, checklist: 0, tariffs: 0 });
    expect(call.script).toEqual({ modules: [], objections: [], checklist: {} });
    expect((await db.outbox.toArray())[0]?.payload).toEqual(call);
  });

  it('ends the call with duration and wrap-up window', async () => {
    db = freshDb();
    await startCall(db, webrtc, T0);
    const ended = await endCall(db, T0 + 65_000);
    expect(ended).toMatchObject({ endedAt: T0 + 65_000, durationMs: 65_000, wrapUpUntil: T0 + 65_000 + 90_000 });
    expect(await endCall(db, T0 + 70_000)).toBeNull();
  });

  it('a tab going away ends only the call it detected, never a manual one', async () => {
    db = freshDb();
    await startCall(db, webrtc, T0);
    expect(await endCall(db, T0 + 1000, 99)).toBeNull();
    expect(await endCall(db, T0 + 1000, 7)).not.toBeNull();
    await toggleCall(db, T0 + 2000);
    expect(await endCall(db, T0 + 3000, 7)).toBeNull();
  });

  it('the toggle hotkey starts a manual call, then ends it', async () => {
    db = freshDb();
    const started = await toggleCall(db, T0);
    expect(started).toMatchObject({ source: 'manual', endedAt: null });
    const ended = await toggleCall(db, T0 + 1000);
    expect(ended?.endedAt).toBe(T0 + 1000);
  });
});

describe('tags', () => {
  it('tags the active call, several types, the same type once', async () => {
    db = freshDb();
    const call = await startCall(db, webrtc, T0);
    await tagCall(db, 'billing', undefined, T0 + 1000);
    await tagCall(db, 'billing', undefined, T0 + 1100);
    const tagged = await tagCall(db, 'tech_support', undefined, T0 + 1200);
    expect(tagged.id).toBe(call.id);
    expect(tagged.tags.map((t) => t.typeId)).toEqual(['billing', 'tech_support']);
    const types = (await db.outbox.orderBy('seq').toArray()).map((e) => e.type);
    expect(types).toEqual(['call.started', 'call.tagged', 'call.tagged']);
  });

  it('tags a call in its wrap-up window, refuses after it, and accepts a late tag by id', async () => {
    db = freshDb();
    const call = await startCall(db, webrtc, T0);
    await endCall(db, T0 + 10_000);
    await expect(tagCall(db, 'other', undefined, T0 + 10_000 + 89_000)).resolves.toMatchObject({ id: call.id });
    await expect(tagCall(db, 'billing', undefined, T0 + 10_000 + 91_000)).rejects.toThrow('no call to tag');
    const late = await tagCall(db, 'billing', call.id, T0 + 200_000);
    expect(late.tags).toHaveLength(2);
  });

  it('refuses a type that is not in the classifier', async () => {
    db = freshDb();
    await startCall(db, webrtc, T0);
    await expect(tagCall(db, 'nonsense', undefined, T0)).rejects.toThrow('unknown call type');
    expect(await db.outbox.count()).toBe(1);
  });

  it('undoes the last tag within the undo window only', async () => {
    db = freshDb();
    await startCall(db, webrtc, T0);
    await tagCall(db, 'billing', undefined, T0 + 1000);
    await tagCall(db, 'other', undefined, T0 + 2000);
    const undone = await undoLastTag(db, undefined, T0 + 6000);
    expect(undone.tags.map((t) => t.typeId)).toEqual(['billing']);
    await expect(undoLastTag(db, undefined, T0 + 7000)).rejects.toThrow('nothing to undo');
    const types = (await db.outbox.orderBy('seq').toArray()).map((e) => e.type);
    expect(types.at(-1)).toBe('call.untagged');
  });

  it('uses the configured wrap-up and undo windows', async () => {
    db = freshDb();
    await saveSettings(db, { ...DEFAULT_SETTINGS, wrapUpSeconds: 10, undoSeconds: 2 });
    await startCall(db, webrtc, T0);
    const ended = await endCall(db, T0 + 1000);
    expect(ended?.wrapUpUntil).toBe(T0 + 11_000);
    await tagCall(db, 'billing', undefined, T0 + 5000);
    await expect(undoLastTag(db, undefined, T0 + 7001)).rejects.toThrow();
  });
});

describe('subscriber context', () => {
  it('merges adapter readings into the active call without erasing earlier fields', async () => {
    db = freshDb();
    await startCall(db, webrtc, T0);
    await updateContext(db, '+7 912 345-67-89', { name: 'Иванова Мария', balance: '-150,00 ₽' }, T0 + 100);
    const merged = await updateContext(db, null, { tariff: 'Домашний 100' }, T0 + 200);
    expect(merged).toMatchObject({
      callerNumber: '+7 912 345-67-89',
      subscriber: { name: 'Иванова Мария', balance: '-150,00 ₽', tariff: 'Домашний 100' },
    });
    const unchanged = await updateContext(db, null, { tariff: 'Домашний 100' }, T0 + 300);
    expect(unchanged?.updatedAt).toBe(T0 + 200);
    expect(await db.outbox.count()).toBe(3);
  });

  it('ignores context when no call is active', async () => {
    db = freshDb();
    expect(await updateContext(db, '+7 900', { name: 'X' }, T0)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('outbox', () => {
  it('R02: a write killed mid-transaction leaves neither the call change nor its event', async () => {
    db = freshDb();
    const call = await startCall(db, webrtc, T0);
    await expect(
      db.transaction('rw', [db.calls, db.outbox, db.meta], async () => {
        await db.calls.put({ ...call, tags: [{ id: call.id, typeId: 'billing', at: T0 }] });
        await appendEvent(db, 'call.tagged', { callId: call.id }, T0);
        throw new Error('worker terminated');
      }),
    ).rejects.toThrow('worker terminated');
    expect((await db.calls.get(call.id))?.tags).toEqual([]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses to append an event outside a transaction', async () => {
    db = freshDb();
    await expect(appendEvent(db, 'call.tagged', {}, T0)).rejects.toThrow('inside the transaction');
  });

  it('R15: concurrent writers get consecutive sequence numbers with no gap', async () => {
    db = freshDb();
    await startCall(db, webrtc, T0);
    const types = ['billing', 'termination', 'connection', 'tech_support', 'down_balance', 'tariff_change', 'other'];
    await Promise.all(types.map((type, i) => tagCall(db, type, undefined, T0 + i)));
    const seqs = (await db.outbox.orderBy('seq').toArray()).map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('R15: two events in one call transaction take consecutive numbers (the early device read is used once)', async () => {
    db = freshDb();
    // The very first write of an installation: no device row to read early, so it is created.
    const call = await startCall(db, webrtc, T0);
    await callTransaction(db, async () => {
      await appendEvent(db, 'call.updated', call, T0 + 1);
      await appendEvent(db, 'call.updated', call, T0 + 2);
    });
    const events = await db.outbox.orderBy('seq').toArray();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(new Set(events.map((e) => e.deviceId)).size).toBe(1);
    expect((await deviceIdentity(db)).nextSeq).toBe(4);
  });

  it('R08: a new installation (empty database) is a new device starting its own sequence', async () => {
    db = freshDb();
    const first = await deviceIdentity(db);
    expect(await deviceIdentity(db)).toEqual(first);
    const other = freshDb();
    const second = await deviceIdentity(other);
    expect(second.deviceId).not.toBe(first.deviceId);
    expect(second.nextSeq).toBe(1);
    await other.delete();
  });

  it('keeps working from a database reopened by a restarted worker', async () => {
    db = freshDb();
    const call = await startCall(db, webrtc, T0);
    await tagCall(db, 'billing', undefined, T0 + 10);
    db.close();
    const reopened = new PanelDatabase(db.name);
    const tagged = await tagCall(reopened, 'other', undefined, T0 + 20);
    expect(tagged.id).toBe(call.id);
    expect((await reopened.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3]);
    db = reopened;
  });
});
