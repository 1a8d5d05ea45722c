// Uploads the outbox: oldest first, in batches the server accepts, deleting exactly what the
// server acknowledged (keeping a copy in the archive). A sequence gap is repaired here: events the
// server lost come back from the archive (R07), events it already holds are archived (R01).
// Network failures are thrown to the syncer, which retries with backoff (R06).
import type { PanelDatabase } from '../db/database';
import { deviceIdentity } from '../db/outbox';
import { MAX_PUSH_EVENTS } from '../schema/api';
import type { OutboxEvent } from '../schema/events';
import type { ApiClient } from './api-client';
import { acknowledge, pruneArchive, type Restored, restoreFromArchive } from './archive';
import { SyncFailure } from './failure';

export interface UploadReport {
  sent: number;
  deadLettered: number;
  restored: number;
  lost: number;
}

/** More repairs than this in one run without an accepted batch means the two sides disagree. */
const MAX_REPAIRS = 3;

/** The batch starting at the outbox's first event, cut at the first hole in the sequence. */
function contiguous(events: OutboxEvent[]): OutboxEvent[] {
  const end = events.findIndex((e, i) => i > 0 && e.seq !== (events[i - 1]?.seq ?? 0) + 1);
  return end === -1 ? events : events.slice(0, end);
}

export async function uploadOutbox(db: PanelDatabase, api: ApiClient, now: () => number): Promise<UploadReport> {
  const report: UploadReport = { sent: 0, deadLettered: 0, restored: 0, lost: 0 };
  const { deviceId } = await deviceIdentity(db);
  let repairs = 0;
  for (;;) {
    const batch = contiguous(await db.outbox.orderBy('seq').limit(MAX_PUSH_EVENTS).toArray());
    const first = batch[0];
    if (!first) break;
    try {
      const answer = await api.push({ deviceId, events: batch });
      // Only what this batch carried: a later event is dropped only once the server has seen it.
      const last = batch.at(-1)?.seq ?? first.seq;
      const acknowledged = await acknowledge(db, Math.min(answer.lastSeq, last), now());
      // Nothing left to drop can also mean another uploader already dropped these events after the
      // same acknowledgement; only a server that holds less than this batch is an error.
      if (acknowledged === 0 && answer.lastSeq < first.seq) {
        throw new SyncFailure(
          'error',
          `the server stored nothing from sequence ${first.seq} on (it holds ${answer.lastSeq})`,
        );
      }
      report.sent += acknowledged;
      report.deadLettered += answer.deadLettered;
      repairs = 0;
    } catch (error) {
      const expected = error instanceof SyncFailure && error.kind === 'gap' ? error.detail.expectedSeq : undefined;
      if (expected === undefined) throw error;
      if (++repairs > MAX_REPAIRS) {
        throw new SyncFailure(
          'error',
          `the server keeps refusing the sequence (expects ${expected}, outbox starts at ${first.seq})`,
        );
      }
      if (expected < first.seq) {
        add(report, await restoreFromArchive(db, expected, now()));
      } else if (expected > first.seq) {
        await archiveHeld(db, expected, now());
      } else {
        throw new SyncFailure('error', `the server refused a batch starting where it expects (${expected})`);
      }
    }
  }
  await pruneArchive(db, now());
  return report;
}

/**
 * The server says it already holds everything below `expected` (an answer was lost after it
 * committed, R01). Only believable for numbers this device has handed out: otherwise dropping
 * our events would lose them, so nothing is dropped and the disagreement is reported.
 */
async function archiveHeld(db: PanelDatabase, expected: number, now: number): Promise<void> {
  const { nextSeq } = await deviceIdentity(db);
  if (expected > nextSeq) {
    throw new SyncFailure(
      'error',
      `the server expects sequence ${expected} but this device has only reached ${nextSeq - 1}; nothing was dropped`,
    );
  }
  await acknowledge(db, expected - 1, now);
}

/**
 * Asks the server how far it holds this device's events. Behind what it acknowledged before (a
 * restored backup, R07): the missing events go back into the outbox to be uploaded again.
 */
export async function reconcileDevice(db: PanelDatabase, api: ApiClient, now: () => number): Promise<Restored> {
  const { deviceId } = await deviceIdentity(db);
  const { lastSeq } = await api.device(deviceId);
  if (lastSeq >= (await acknowledgedUpTo(db))) return { restored: 0, lost: 0 };
  return restoreFromArchive(db, lastSeq + 1, now());
}

/** Everything below the outbox's first event was acknowledged (or everything handed out, if empty). */
async function acknowledgedUpTo(db: PanelDatabase): Promise<number> {
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    const first = await db.outbox.orderBy('seq').first();
    return first ? first.seq - 1 : (await deviceIdentity(db)).nextSeq - 1;
  });
}

function add(report: UploadReport, restored: Restored): void {
  report.restored += restored.restored;
  report.lost += restored.lost;
}
