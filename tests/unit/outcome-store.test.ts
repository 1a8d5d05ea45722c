// Wrap-up outcomes on the database: the outcome and its call.updated event in one transaction
// (R02), priced from the call's catalogue, on the call named or the one in wrap-up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endCall, startCall } from '@/lib/calls/call-store';
import { recordCallOutcome } from '@/lib/calls/outcome-store';
import { DEFAULT_TARIFFS } from '@/lib/content/defaults';
import type { PanelDatabase } from '@/lib/db/database';
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
