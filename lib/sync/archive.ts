// Moving events between the outbox and the `sent` archive. Acknowledged events leave the outbox
// but stay archived for 14 days, so when the server loses them (restored from an older backup,
// R07) they go back into the outbox and are uploaded again. Each move is one transaction.
import type { PanelDatabase, SentEvent } from '../db/database';
import { DEVICE_KEY, type DeviceIdentity, deviceIdentity } from '../db/outbox';
import type { OutboxEvent } from '../schema/events';

export const ARCHIVE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

function archived(event: OutboxEvent, sentAt: number): SentEvent {
  return { ...event, sentAt };
}

function unarchived({ sentAt: _sentAt, ...event }: SentEvent): OutboxEvent {
  return event;
}

/** The server holds everything up to `lastSeq`: move those events to the archive. Returns how many. */
export function acknowledge(db: PanelDatabase, lastSeq: number, now: number): Promise<number> {
  return db.transaction('rw', [db.outbox, db.sent], async () => {
    const done = await db.outbox.where('seq').belowOrEqual(lastSeq).toArray();
    if (done.length === 0) return 0;
    // A renumbering (below) may have left an archived event with one of these numbers.
    await db.sent
      .where('seq')
      .anyOf(done.map((e) => e.seq))
      .delete();
    await db.sent.bulkPut(done.map((e) => archived(e, now)));
    await db.outbox.bulkDelete(done.map((e) => e.id));
    return done.length;
  });
}

export interface Restored {
  /** Events moved back from the archive into the outbox. */
  restored: number;
  /** Events the server lacks that this device no longer has either: gone for good. */
  lost: number;
}

/**
 * The server holds this device's events only up to `expectedSeq - 1`. Everything archived from
 * `expectedSeq` on goes back into the outbox. When some of those are no longer archived (pruned),
 * the server would refuse the rest forever as a gap, so what exists is renumbered from
 * `expectedSeq` on (same event ids, new sequence numbers) and the loss is reported, never hidden.
 */
export function restoreFromArchive(db: PanelDatabase, expectedSeq: number, now: number): Promise<Restored> {
  return db.transaction('rw', [db.outbox, db.sent, db.meta], async () => {
    const identity = await deviceIdentity(db);
    // Anything below `expectedSeq` still in the outbox is held by the server already.
    await acknowledge(db, expectedSeq - 1, now);
    const back = await db.sent.where('seq').aboveOrEqual(expectedSeq).toArray();
    await db.sent.bulkDelete(back.map((e) => e.id));
    await db.outbox.bulkPut(back.map(unarchived));
    const events = await db.outbox.orderBy('seq').toArray();
    const assigned = Math.max(0, identity.nextSeq - expectedSeq);
    const lost = Math.max(0, assigned - events.length);
    if (lost > 0) {
      await db.outbox.clear();
      await db.outbox.bulkAdd(events.map((e, i) => ({ ...e, seq: expectedSeq + i })));
      const next: DeviceIdentity = { ...identity, nextSeq: expectedSeq + events.length };
      await db.meta.put({ key: DEVICE_KEY, value: next });
    }
    return { restored: back.length, lost };
  });
}

export async function pruneArchive(db: PanelDatabase, now: number): Promise<number> {
  return db.sent
    .where('sentAt')
    .below(now - ARCHIVE_DAYS * DAY_MS)
    .delete();
}
