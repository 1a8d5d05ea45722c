// What the panel's script sections read off the call and the content: pure, so the components
// stay presentational and these are tested on their own.
import { createModuleIndex, type ModuleIndex } from '../content/search';
import { type CallRecord, type ObjectionUse, type OfferOutcome, scriptOf } from '../schema/call';
import type { ChecklistMarks, Objection, ScriptModule } from '../schema/content';
import type { PendingMark } from './script-actions';

/** Objections for this call type first, then those for any type, then the rest; authors' order within. */
export function orderObjections(objections: readonly Objection[], callTypeId: string | null): Objection[] {
  const group = (o: Objection) =>
    callTypeId !== null && o.callTypes.includes(callTypeId) ? 0 : o.callTypes.length === 0 ? 1 : 2;
  return objections
    .map((objection, index) => ({ objection, rank: group(objection) * objections.length + index }))
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.objection);
}

/** The latest use of an objection on the call (null: not raised on it). */
export function objectionUse(call: CallRecord | null, objectionId: string): ObjectionUse | null {
  const uses = call ? scriptOf(call).objections : [];
  for (let i = uses.length - 1; i >= 0; i--) if (uses[i]!.objectionId === objectionId) return uses[i]!;
  return null;
}

export function moduleOutcome(call: CallRecord | null, moduleId: string): OfferOutcome | null {
  return (call && scriptOf(call).modules.find((use) => use.moduleId === moduleId)?.outcome) ?? null;
}

/** The call's self-check marks with the ones sent and not yet confirmed in their place. */
export function shownMarks(call: CallRecord | null, pending: readonly PendingMark[]): ChecklistMarks {
  if (!call) return {};
  const stored = scriptOf(call).checklist;
  const mine = pending.filter((p) => p.callId === call.id);
  if (mine.length === 0) return stored;
  const marks = { ...stored };
  for (const { itemId, mark } of mine) {
    if (mark) marks[itemId] = mark;
    else delete marks[itemId];
  }
  return marks;
}

/** The call type the script follows: a tag just pressed (not yet stored) wins over the last stored one. */
export function callTypeOf(call: CallRecord | null, pendingType: string | null): string | null {
  return pendingType ?? call?.tags[call.tags.length - 1]?.typeId ?? null;
}

// One search index per content version: built when the search first opens, reused after.
const indexes = new WeakMap<readonly ScriptModule[], ModuleIndex>();

export function moduleIndex(modules: readonly ScriptModule[]): ModuleIndex {
  let index = indexes.get(modules);
  if (!index) {
    index = createModuleIndex(modules);
    indexes.set(modules, index);
  }
  return index;
}
