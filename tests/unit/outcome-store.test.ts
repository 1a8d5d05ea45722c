// Wrap-up outcomes on the database: the outcome and its call.updated event in one transaction
// (R02), priced from the call's catalogue, on the call named or the one in wrap-up. And the short
// way, for a call this context stored last (lib/calls/committed-copies.ts): it must give exactly
// what the ordinary way gives and never trust a copy another context has made stale (the call or
// the device row written meanwhile): the result comes from what is stored, and the outbox keeps
// one consecutive sequence (R15).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { recordCallOutcome } from '@/lib/calls/outcome-store';
import { DEFAULT_TARIFFS } from '@/lib/content/defaults';
import { PanelDatabase } from '@/lib/db/database';
import { freshDb, T0 } from './helpers';

const manual = { source: 'manual' as const, origin: null, tabId: null };
const service = DEFAULT_TARIFFS.services.find((s) => s.kind === 'service')!;
const equipment = DEFAULT_TARIFFS.services.find((s) => s.kind === 'equipment')!;

let db: PanelDatabase;
const others: PanelDatabase[] = [];
afterEach(async () => {
  for (const other of others.splice(0)) other.close();
  await db?.delete();
});

async function seqs(database: PanelDatabase): Promise<number[]> {
  return (await database.outbox.orderBy('seq').toArray()).map((e) => e.seq);
}

describe('recording outcomes', () => {
  it('adds and removes an outcome on the named call, each with its call.updated event', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    const sold = await recordCallOutcome(db, { callId: call.id, kind: 'service', itemId: service.id }, T0 + 100);
    expect(sold?.outcomes).toMatchObject([{ kind: 'service', itemId: service.id, monthly: service.monthly }]);
    expect(await db.calls.get(call.id)).toEqual(sold);
    const removed = await recordCallOutcome(db, { callId: call.id, remove: sold!.outcomes![0]!.id }, T0 + 200);
    expect(removed?.outcomes).toEqual([]);
    const events = await db.outbox.orderBy('seq').toArray();
    expect(events.map((e) => e.type)).toEqual(['call.started', 'call.updated', 'call.updated']);
    expect(events.at(-1)?.payload).toEqual(removed);
  });

  it('refuses an item its catalogue does not have, and stores nothing', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    await expect(
      recordCallOutcome(db, { callId: call.id, kind: 'equipment', itemId: service.id }, T0 + 100),
    ).rejects.toThrow(/no item/);
    expect(await db.calls.get(call.id)).toEqual(call);
    expect(await seqs(db)).toEqual([1]);
  });

  it('without a named call: the call in wrap-up; with none, null and nothing stored', async () => {
    db = freshDb();
    expect(await recordCallOutcome(db, { kind: 'callback', itemId: null }, T0)).toBeNull();
    const call = await startCall(db, manual, T0);
    await endCall(db, T0 + 10_000);
    const done = await recordCallOutcome(db, { kind: 'callback', itemId: null }, T0 + 20_000);
    expect(done?.id).toBe(call.id);
    expect(await seqs(db)).toEqual([1, 2, 3]);
  });

  it('R02: an outbox write that fails leaves neither the outcome nor its event', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    const add = vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(
      recordCallOutcome(db, { callId: call.id, kind: 'equipment', itemId: equipment.id }, T0 + 100),
    ).rejects.toThrow('quota');
    add.mockRestore();
    expect(await db.calls.get(call.id)).toEqual(call);
    expect(await seqs(db)).toEqual([1]);
    // The copies are not left claiming the failed write: the next outcome is stored in full.
    const sold = await recordCallOutcome(db, { callId: call.id, kind: 'equipment', itemId: equipment.id }, T0 + 200);
    expect(await db.calls.get(call.id)).toEqual(sold);
    expect(await seqs(db)).toEqual([1, 2]);
  });
});

describe('the short way, from the copies this context committed', () => {
  it('a call changed by another context since: the outcome goes on the stored call, not the copy', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    // Another context (a restarted worker's connection) tags the call: this context's copy is stale.
    const other = new PanelDatabase(db.name);
    others.push(other);
    await tagCall(other, 'billing', call.id, T0 + 50);
    const sold = await recordCallOutcome(db, { callId: call.id, kind: 'service', itemId: service.id }, T0 + 100);
    expect(sold?.tags.map((t) => t.typeId)).toEqual(['billing']);
    expect(await db.calls.get(call.id)).toEqual(sold);
    expect(await seqs(db)).toEqual([1, 2, 3]);
  });

  it('R15: events appended by another context since: the sequence goes on with no gap and no twin', async () => {
    db = freshDb();
    const first = await startCall(db, manual, T0);
    await endCall(db, T0 + 1_000);
    const other = new PanelDatabase(db.name);
    others.push(other);
    // The other context starts and ends a call of its own: two events this context did not number.
    await startCall(other, manual, T0 + 2_000);
    await endCall(other, T0 + 3_000);
    await recordCallOutcome(db, { callId: first.id, kind: 'callback', itemId: null }, T0 + 4_000);
    expect(await seqs(db)).toEqual([1, 2, 3, 4, 5]);
    const devices = new Set((await db.outbox.toArray()).map((e) => e.deviceId));
    expect(devices.size).toBe(1);
  });

  it('gives what the ordinary way gives: a run of presses on a fresh context and on a warm one agree', async () => {
    const run = async (database: PanelDatabase, warm: boolean) => {
      const call = await startCall(database, manual, T0);
      let callId = call.id;
      if (!warm) {
        // A new connection to the same database has no copies: every press reads first.
        const cold = new PanelDatabase(database.name);
        others.push(cold);
        database = cold;
        callId = call.id;
      }
      const a = await recordCallOutcome(database, { callId, kind: 'service', itemId: service.id }, T0 + 100);
      await recordCallOutcome(database, { callId, kind: 'equipment', itemId: equipment.id }, T0 + 200);
      await recordCallOutcome(database, { callId, remove: a!.outcomes![0]!.id }, T0 + 300);
      const stored = await database.calls.get(callId);
      const events = await database.outbox.orderBy('seq').toArray();
      return {
        outcomes: stored?.outcomes?.map(({ kind, itemId, monthly, at }) => ({ kind, itemId, monthly, at })),
        events: events.map((e) => [e.seq, e.type]),
      };
    };
    db = freshDb();
    const warm = await run(db, true);
    const coldDb = freshDb();
    try {
      expect(await run(coldDb, false)).toEqual(warm);
    } finally {
      for (const other of others.splice(0)) other.close();
      await coldDb.delete();
    }
    expect(warm.outcomes).toEqual([
      { kind: 'equipment', itemId: equipment.id, monthly: equipment.monthly, at: T0 + 200 },
    ]);
  });
});
