// Script activity on the database: modules shown, offer outcomes, objections, checklist marks and
// "no suitable answer" feedback. Like tagging, each write puts the call and its `call.updated`
// event in one transaction (R02), on the call named, else the active one or the one in wrap-up.
// With no call there is nothing to record it on: the answer is null and the panel keeps working.
import { contentForCall } from '../content/effective';
import type { PanelDatabase } from '../db/database';
import { newId } from '../db/ids';
import { appendEvent } from '../db/outbox';
import { type CallRecord, type CallScript, type OfferOutcome, scriptOf } from '../schema/call';
import type { Checklist, ChecklistMark } from '../schema/content';
import { EventPayloads } from '../schema/events';
import { markItem, raiseObjection, setOutcome, viewModule } from './call-script';
import { actionTarget, CallError, callTransaction, saveCall } from './call-store';

type ScriptChange = (script: CallScript, call: CallRecord) => CallScript | null | Promise<CallScript | null>;

function updateScript(
  db: PanelDatabase,
  callId: string | undefined,
  now: number,
  change: ScriptChange,
): Promise<CallRecord | null> {
  return callTransaction(db, async () => {
    const call = await actionTarget(db, callId, now);
    if (!call) return null;
    const script = await change(scriptOf(call), call);
    if (!script) return call;
    const updated: CallRecord = { ...call, script, updatedAt: Math.max(now, call.updatedAt) };
    await saveCall(db, updated, 'call.updated', updated, now);
    return updated;
  });
}

export interface ViewInput {
  callId?: string;
  moduleId: string;
  openMs: number;
}

export function recordView(db: PanelDatabase, input: ViewInput, now: number): Promise<CallRecord | null> {
  return updateScript(db, input.callId, now, (script) => viewModule(script, input.moduleId, input.openMs, now));
}

export interface OutcomeInput {
  callId?: string;
  moduleId: string;
  outcome: OfferOutcome | null;
}

export function recordOutcome(db: PanelDatabase, input: OutcomeInput, now: number): Promise<CallRecord | null> {
  return updateScript(db, input.callId, now, (script) => setOutcome(script, input.moduleId, input.outcome, now));
}

export interface ObjectionInput {
  callId?: string;
  objectionId: string;
  answerId: string | null;
  handled: boolean;
}

export function recordObjection(db: PanelDatabase, input: ObjectionInput, now: number): Promise<CallRecord | null> {
  return updateScript(db, input.callId, now, (script) =>
    raiseObjection(script, input.objectionId, input.answerId, input.handled, now),
  );
}

export interface MarkInput {
  callId?: string;
  itemId: string;
  mark: ChecklistMark | null;
}

function hasItem(checklist: Checklist, itemId: string): boolean {
  return checklist.sections.some((section) => section.items.some((item) => item.id === itemId));
}

/** A self-check mark, only for an item of the checklist version the call uses (R11). */
export function markChecklist(db: PanelDatabase, input: MarkInput, now: number): Promise<CallRecord | null> {
  return updateScript(db, input.callId, now, async (script, call) => {
    const { checklist } = await contentForCall(db, call);
    if (!hasItem(checklist, input.itemId)) {
      throw new CallError('bad_request', `no item "${input.itemId}" in the checklist of this call`);
    }
    return markItem(script, input.itemId, input.mark);
  });
}

export interface NoAnswerInput {
  callId?: string;
  moduleId: string | null;
  text: string;
}

/**
 * "No suitable answer": what the subscriber said, for the scripts' authors, as a
 * `feedback.no_answer` event. Recorded with or without a call; the call itself is not changed.
 */
export function recordNoAnswer(db: PanelDatabase, input: NoAnswerInput, now: number): Promise<null> {
  const text = input.text.trim();
  if (!text) return Promise.reject(new CallError('bad_request', 'the feedback text is empty'));
  return callTransaction(db, async () => {
    const call = await actionTarget(db, input.callId, now);
    // The scripts version the panel showed: the call's own, or the current one with no call.
    const { refs } = await contentForCall(db, call);
    const payload = EventPayloads['feedback.no_answer'].parse({
      id: newId(now),
      callId: call?.id ?? null,
      callTypeId: call?.tags.at(-1)?.typeId ?? null,
      moduleId: input.moduleId,
      scriptsVersion: refs.scripts,
      text,
      at: now,
    });
    await appendEvent(db, 'feedback.no_answer', payload, now);
    return null;
  });
}
