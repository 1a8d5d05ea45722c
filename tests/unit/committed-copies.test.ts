// The short way of an outcome, for a call this context stored last (lib/calls/committed-copies.ts):
// it must give exactly what the ordinary way gives and never trust a copy another context has made
// stale (the call or the device row written meanwhile): the result comes from what is stored, and
// the outbox keeps one consecutive sequence (R15).
import { afterEach, describe, expect, it } from 'vitest';
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
