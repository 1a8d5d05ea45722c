// Wrap-up outcomes on the database: like tagging and script activity, each change writes the call
// and its `call.updated` event in one transaction (R02), on the call named, else the active one or
// the one in wrap-up. Amounts come from the call's own tariff catalogue version (R11).
//
// The plan view waits on this write (plan_view_ms), so a press on a call this context stored last
// takes a shorter way: see `fromCommittedCopies`.
import Dexie from 'dexie';
import { contentForCall } from '../content/effective';
import type { PanelDatabase } from '../db/database';
import { newId } from '../db/ids';
import { committedDevice, type DeviceIdentity, storedDeviceRow } from '../db/outbox';
import { type CallOutcome, type CallRecord, type OutcomeKind, outcomesOf } from '../schema/call';
import { type OutcomeChoice, priceOutcome, withOutcome, withoutOutcome } from './call-outcomes';
import { actionTarget, CallError, callTransaction, committedCall, sameRow, saveCall } from './call-store';

export interface OutcomeInput {
  callId?: string;
  /** Add this outcome… */
  kind?: OutcomeKind;
  itemId?: string | null;
  /** …or remove the outcome with this id. */
  remove?: string;
}

export async function recordCallOutcome(
  db: PanelDatabase,
  input: OutcomeInput,
  now: number,
): Promise<CallRecord | null> {
  const call = input.callId === undefined ? undefined : committedCall(db, input.callId);
  const device = committedDevice(db);
  if (call && device) {
    const attempt = { stale: false };
    try {
      return await callTransaction(db, () => fromCommittedCopies(db, input, call, device, now, attempt));
    } catch (error) {
      if (!attempt.stale) throw error;
    }
  }
  return callTransaction(db, async () => {
    const target = await actionTarget(db, input.callId, now);
    if (!target) return null;
    const updated = await changed(db, target, input, now);
    await saveCall(db, updated, 'call.updated', updated, now);
    return updated;
  });
}

/**
 * The short way, for a call and device row this context committed last: the change is worked out
 * from those copies and its writes sent at once, while the same transaction reads the stored rows
 * (requests run in order, so the reads answer first and see the rows as they were). If either
 * differs from its copy, another context wrote it since: the transaction is aborted before it can
 * commit, nothing is stored, and the caller takes the ordinary way. One round trip to the storage
 * process less than reading first.
 */
async function fromCommittedCopies(
  db: PanelDatabase,
  input: OutcomeInput,
  call: CallRecord,
  device: DeviceIdentity,
  now: number,
  attempt: { stale: boolean },
): Promise<CallRecord> {
  const confirmed = Promise.all([db.calls.get(call.id), storedDeviceRow(db)]).then(
    ([callRow, deviceRow]) => sameRow(callRow, call) && sameRow(deviceRow?.value, device),
  );
  let updated: CallRecord;
  try {
    updated = await changed(db, call, input, now);
  } catch (error) {
    // A refusal counts only if the copy it was judged on is what is stored.
    attempt.stale = !(await confirmed);
    throw error;
  }
  const written = saveCall(db, updated, 'call.updated', updated, now, { device });
  // Awaited below, unless the copies turn out stale and the transaction is aborted.
  written.catch(() => {});
  if (!(await confirmed)) {
    attempt.stale = true;
    Dexie.currentTransaction?.abort();
    throw new Error('the stored call or device row changed since this context wrote it');
  }
  await written;
  return updated;
}

/** The call with the outcome added or removed; refuses an item its catalogue version lacks. */
async function changed(db: PanelDatabase, call: CallRecord, input: OutcomeInput, now: number): Promise<CallRecord> {
  let outcomes: CallOutcome[];
  if (input.remove !== undefined) {
    outcomes = withoutOutcome(outcomesOf(call), input.remove);
  } else if (input.kind !== undefined) {
    const choice: OutcomeChoice = { kind: input.kind, itemId: input.itemId ?? null };
    const { tariffs } = await contentForCall(db, call);
    const priced = priceOutcome(choice, tariffs, call.subscriber.tariff);
    if (!priced) throw new CallError('bad_request', `no item "${choice.itemId}" for ${choice.kind} in the catalogue`);
    outcomes = withOutcome(outcomesOf(call), { id: newId(now), kind: choice.kind, at: now, ...priced });
  } else {
    throw new CallError('bad_request', 'an outcome needs a kind or an id to remove');
  }
  return { ...call, outcomes, updatedAt: Math.max(now, call.updatedAt) };
}
