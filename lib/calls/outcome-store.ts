// Wrap-up outcomes on the database: like tagging and script activity, each change writes the call
// and its `call.updated` event in one transaction (R02), on the call named, else the active one or
// the one in wrap-up. Amounts come from the call's own tariff catalogue version (R11).
import { contentForCall } from '../content/effective';
import type { PanelDatabase } from '../db/database';
import { newId } from '../db/ids';
import { committedDevice, storedDeviceRow } from '../db/outbox';
import { type CallOutcome, type CallRecord, type OutcomeKind, outcomesOf } from '../schema/call';
import { type OutcomeChoice, priceOutcome, withOutcome, withoutOutcome } from './call-outcomes';
import { actionTarget, CallError, callTransaction, saveCall } from './call-store';
import { type Attempt, committedCall, confirmation, sameRow, shortOrSlow } from './committed-copies';

export interface OutcomeInput {
  callId?: string;
  /** Add this outcome… */
  kind?: OutcomeKind;
  itemId?: string | null;
  /** …or remove the outcome with this id. */
  remove?: string;
}

export function recordCallOutcome(db: PanelDatabase, input: OutcomeInput, now: number): Promise<CallRecord | null> {
  // The plan view waits on this write: from this context's copies when it wrote the call last
  // (see committed-copies.ts), the ordinary way otherwise or when they prove stale.
  const device = committedDevice(db);
  const copy = input.callId === undefined ? undefined : committedCall(db, input.callId);
  const short =
    device && copy
      ? (attempt: Attempt) =>
          callTransaction(db, async () => {
            // The stored rows, read ahead of the writes: they must equal the copies.
            const check = confirmation(
              Promise.all([db.calls.get(copy.id), storedDeviceRow(db)]).then(
                ([row, deviceRow]) => sameRow(row, copy) && sameRow(deviceRow?.value, device),
              ),
              attempt,
            );
            const updated = await check.judge(() => changed(db, copy, input, now));
            const written = saveCall(db, updated, 'call.updated', updated, now, { device });
            // Awaited below, unless the copies prove stale and the transaction is aborted.
            written.catch(() => {});
            await check.settle();
            await written;
            return updated;
          })
      : null;
  return shortOrSlow(short, () =>
    callTransaction(db, async () => {
      const target = await actionTarget(db, input.callId, now);
      if (!target) return null;
      const updated = await changed(db, target, input, now);
      await saveCall(db, updated, 'call.updated', updated, now);
      return updated;
    }),
  );
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
