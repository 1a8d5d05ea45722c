// Pure rules of the script side of a call (CallScript): which module was shown and for how long,
// the offer outcome, objections raised and answered, the checklist self-check. Each returns the
// new script, or null when nothing changes (a repeated keystroke or message writes nothing).
// Never throws: the operator's keystroke is recorded or, past the record's bounds, dropped.
import type { CallScript, ModuleUse, ObjectionUse, OfferOutcome } from '../schema/call';
import type { ChecklistMark } from '../schema/content';

/** The bounds of CallScript in lib/schema/call.ts: a record past them would not upload. */
export const MAX_MODULE_USES = 200;
export const MAX_OBJECTION_USES = 100;

function addMs(total: number, more: number): number {
  return Math.min(Number.MAX_SAFE_INTEGER, total + Math.max(0, Math.floor(more)));
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/** A module was shown: the first time records it (shownAt); every time adds how long it stayed open. */
export function viewModule(script: CallScript, moduleId: string, openMs: number, now: number): CallScript | null {
  const index = script.modules.findIndex((use) => use.moduleId === moduleId);
  if (index === -1) {
    if (script.modules.length >= MAX_MODULE_USES) return null;
    const use: ModuleUse = { moduleId, shownAt: now, openMs: addMs(0, openMs), outcome: null };
    return { ...script, modules: [...script.modules, use] };
  }
  const use = script.modules[index]!;
  const total = addMs(use.openMs, openMs);
  if (total === use.openMs) return null;
  return { ...script, modules: replaceAt(script.modules, index, { ...use, openMs: total }) };
}

/** The offer outcome of a module (null clears it); a module not yet recorded as shown is recorded now. */
export function setOutcome(
  script: CallScript,
  moduleId: string,
  outcome: OfferOutcome | null,
  now: number,
): CallScript | null {
  const index = script.modules.findIndex((use) => use.moduleId === moduleId);
  if (index === -1) {
    if (outcome === null || script.modules.length >= MAX_MODULE_USES) return null;
    return { ...script, modules: [...script.modules, { moduleId, shownAt: now, openMs: 0, outcome }] };
  }
  const use = script.modules[index]!;
  if (use.outcome === outcome) return null;
  return { ...script, modules: replaceAt(script.modules, index, { ...use, outcome }) };
}

/**
 * An objection raised: one record per objection, from its first raise (`at`). A later raise
 * updates it: the answer used (null keeps the one used before) and whether it was handled.
 */
export function raiseObjection(
  script: CallScript,
  objectionId: string,
  answerId: string | null,
  handled: boolean,
  now: number,
): CallScript | null {
  const index = script.objections.findIndex((use) => use.objectionId === objectionId);
  if (index === -1) {
    if (script.objections.length >= MAX_OBJECTION_USES) return null;
    const use: ObjectionUse = { objectionId, at: now, answerId, handled };
    return { ...script, objections: [...script.objections, use] };
  }
  const use = script.objections[index]!;
  const next: ObjectionUse = { ...use, answerId: answerId ?? use.answerId, handled };
  if (next.answerId === use.answerId && next.handled === use.handled) return null;
  return { ...script, objections: replaceAt(script.objections, index, next) };
}

/** A self-check mark on a checklist item; null clears it. Which ids exist is the caller's check. */
export function markItem(script: CallScript, itemId: string, mark: ChecklistMark | null): CallScript | null {
  const had = Object.hasOwn(script.checklist, itemId);
  if (mark === null) {
    if (!had) return null;
    const { [itemId]: _cleared, ...rest } = script.checklist;
    return { ...script, checklist: rest };
  }
  if (had && script.checklist[itemId] === mark) return null;
  return { ...script, checklist: { ...script.checklist, [itemId]: mark } };
}
