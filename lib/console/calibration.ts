// Calibration of a scored call: the lead's marks beside the operator's own self-check on the same
// checklist version. The two results and the items where the marks differ are what a lead talks
// through with the operator.
import { scoreChecklist } from '../content/checklist-score';
import type { ChecklistResult } from '../schema/api';
import type { Checklist, ChecklistItem, ChecklistMark, ChecklistMarks } from '../schema/content';

export interface Disagreement {
  item: ChecklistItem;
  sectionTitle: string;
  lead: ChecklistMark;
  /** The operator's mark; null when the operator left the item open. */
  self: ChecklistMark | null;
}

export interface Calibration {
  lead: ChecklistResult;
  self: ChecklistResult;
  /** Lead percent minus self percent, one decimal: positive when the operator was too strict. */
  gap: number;
  disagreements: Disagreement[];
}

/** Items the lead has marked differently from the operator (items the lead left open are not yet compared). */
export function disagreements(checklist: Checklist, lead: ChecklistMarks, self: ChecklistMarks): Disagreement[] {
  const found: Disagreement[] = [];
  for (const section of checklist.sections) {
    for (const item of section.items) {
      const leadMark = lead[item.id];
      if (leadMark === undefined) continue;
      const selfMark = self[item.id] ?? null;
      if (leadMark !== selfMark) found.push({ item, sectionTitle: section.title, lead: leadMark, self: selfMark });
    }
  }
  return found;
}

export function calibrate(checklist: Checklist, lead: ChecklistMarks, self: ChecklistMarks): Calibration {
  const leadResult = scoreChecklist(checklist, lead);
  const selfResult = scoreChecklist(checklist, self);
  return {
    lead: leadResult,
    self: selfResult,
    gap: Math.round((leadResult.percent - selfResult.percent) * 10) / 10,
    disagreements: disagreements(checklist, lead, self),
  };
}

/** Marks limited to the checklist's items: a score is saved only for items of its own version. */
export function marksFor(checklist: Checklist, marks: ChecklistMarks): ChecklistMarks {
  const kept: ChecklistMarks = {};
  for (const section of checklist.sections) {
    for (const item of section.items) {
      const mark = marks[item.id];
      if (mark !== undefined) kept[item.id] = mark;
    }
  }
  return kept;
}
