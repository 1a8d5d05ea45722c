// Scores a call against its checklist: the operator's live self-check in the panel and the lead's
// score in the console (and the server's reports) use this one function, so they always agree.
import type { ChecklistResult } from '../schema/api';
import type { Checklist, ChecklistItem, ChecklistMark, ChecklistMarks } from '../schema/content';

/** Every item of the checklist, in order, across sections. */
export function checklistItems(checklist: Checklist): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const section of checklist.sections) for (const item of section.items) items.push(item);
  return items;
}

/** The mark as it counts: N/A where N/A is not allowed counts as "no". Undefined: not marked. */
export function effectiveMark(item: ChecklistItem, marks: ChecklistMarks): ChecklistMark | undefined {
  const mark = Object.hasOwn(marks, item.id) ? marks[item.id] : undefined;
  return mark === 'na' && !item.naAllowed ? 'no' : mark;
}

/** Items nobody has marked yet: what the panel lists before the call ends. */
export function openItems(checklist: Checklist, marks: ChecklistMarks): ChecklistItem[] {
  return checklistItems(checklist).filter((item) => effectiveMark(item, marks) === undefined);
}

/**
 * percent = 100 × weight of items marked yes / weight of applicable items (not N/A), one decimal;
 * unmarked items count as not done; every item N/A scores 100. A critical item marked no or left
 * open fails the call.
 */
export function scoreChecklist(checklist: Checklist, marks: ChecklistMarks): ChecklistResult {
  let done = 0;
  let applicable = 0;
  const failedCritical: string[] = [];
  const open: string[] = [];
  for (const section of checklist.sections) {
    for (const item of section.items) {
      const mark = effectiveMark(item, marks);
      if (mark === 'na') continue;
      applicable += item.weight;
      if (mark === 'yes') {
        done += item.weight;
        continue;
      }
      if (mark === undefined) open.push(item.id);
      if (item.critical) failedCritical.push(item.id);
    }
  }
  const percent = applicable === 0 ? 100 : Math.round((1000 * done) / applicable) / 10;
  return { percent, failedCritical, passed: failedCritical.length === 0, open };
}
