// Wrap-up outcomes on the database: like tagging and script activity, each change writes the call
// and its `call.updated` event in one transaction (R02), on the call named, else the active one or
// the one in wrap-up. Amounts come from the call's own tariff catalogue version (R11).
import { contentForCall } from '../content/effective';
import type { PanelDatabase } from '../db/database';
import { newId } from '../db/ids';
import { type CallOutcome, type CallRecord, type OutcomeKind, outcomesOf } from '../schema/call';
import { type OutcomeChoice, priceOutcome, withOutcome, withoutOutcome } from './call-outcomes';
import { actionTarget, CallError, callTransaction, saveCall } from './call-store';

export interface OutcomeInput {
  callId?: string;
  /** Add this outcome… */
  kind?: OutcomeKind;
  itemId?: string | null;
  /** …or remove the outcome with this id. */
  remove?: string;
}

export function recordCallOutcome(db: PanelDatabase, input: OutcomeInput, now: number): Promise<CallRecord | null> {
  return callTransaction(db, async () => {
    const call = await actionTarget(db, input.callId, now);
    if (!call) return null;
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
    const updated: CallRecord = { ...call, outcomes, updatedAt: Math.max(now, call.updatedAt) };
    await saveCall(db, updated, 'call.updated', updated, now);
    return updated;
  });
}
