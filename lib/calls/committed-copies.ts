// What this background context last committed of the calls it writes, kept in memory so that a
// write on the call in front of the operator can be worked out and sent at once instead of after
// reading the call: one round trip to the browser's storage process less on the path the plan view
// waits on (outcome-store.ts, plan_view_ms). Tags do not take it: measured, the tag's latency did
// not move (its wait is elsewhere: the module view written beside it).
//
// A copy is never trusted on its own: another context (a restarted worker's connection, the sync
// engine renumbering the outbox after a server restore) may have written since. The short write
// reads the stored rows in the same transaction, ahead of its own writes (IndexedDB runs a
// transaction's requests in order, so the reads see the rows as they were); when they differ from
// the copies it aborts before anything can commit and the write is done again the ordinary way.
import Dexie from 'dexie';
import type { PanelDatabase } from '../db/database';
import { afterCommit } from '../db/outbox';
import type { CallRecord } from '../schema/call';

const committed = new WeakMap<PanelDatabase, Map<string, CallRecord>>();
/** A few: the calls a panel acts on are the last ones written. */
const COPIES = 20;

export function committedCall(db: PanelDatabase, id: string): CallRecord | undefined {
  return committed.get(db)?.get(id);
}

/** Keep `call` as this context's copy once the current transaction commits; forget it if it aborts. */
export function rememberOnCommit(db: PanelDatabase, call: CallRecord): void {
  const known = committed.get(db) ?? new Map<string, CallRecord>();
  committed.set(db, known);
  afterCommit(
    () => {
      known.delete(call.id);
      known.set(call.id, call);
      if (known.size > COPIES) known.delete(known.keys().next().value!);
    },
    () => known.delete(call.id),
  );
}

/** Two rows are the same when they serialise the same (what IndexedDB stores is a clone). */
export function sameRow(a: unknown, b: unknown): boolean {
  return a !== undefined && a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a short write's copies turned out stale (then, and only then, it is done again). */
export interface Attempt {
  stale: boolean;
}

/** Runs `short` when there is one; if its copies were stale, `slow` does the write instead. */
export async function shortOrSlow<T>(
  short: ((attempt: Attempt) => Promise<T>) | null,
  slow: () => Promise<T>,
): Promise<T> {
  if (short) {
    const attempt: Attempt = { stale: false };
    try {
      return await short(attempt);
    } catch (error) {
      if (!attempt.stale) throw error;
    }
  }
  return slow();
}

/**
 * The confirmation of a short write, made at its start: `confirmed` settles with whether the
 * stored rows equal the copies. `judge` runs work on the copies (a refusal counts only if they were
 * current); `settle` waits for the reads and, when they disagree, aborts the transaction (nothing
 * of it is stored) and fails the attempt as stale.
 */
export function confirmation(confirmed: PromiseLike<boolean>, attempt: Attempt) {
  const tx = Dexie.currentTransaction;
  const stale = () => {
    attempt.stale = true;
    tx?.abort();
    return new Error('the stored call or device row changed since this context wrote it');
  };
  return {
    async judge<T>(work: () => T | Promise<T>): Promise<T> {
      try {
        return await work();
      } catch (error) {
        if (!(await confirmed)) throw stale();
        throw error;
      }
    },
    async settle(): Promise<void> {
      if (!(await confirmed)) throw stale();
    },
  };
}
