// Checklist scoring, shared by the operator's self-check and the lead's score: weights, critical
// items failing the call, N/A where allowed (and "no" where not), unmarked items still open.
import { describe, expect, it } from 'vitest';
import { checklistItems, openItems, scoreChecklist } from '@/lib/content/checklist-score';
import { DEFAULT_CHECKLIST } from '@/lib/content/defaults';
import { ChecklistResult } from '@/lib/schema/api';
import type { Checklist, ChecklistItem, ChecklistMarks } from '@/lib/schema/content';

function item(id: string, weight: number, over: Partial<ChecklistItem> = {}): ChecklistItem {
  return { id, text: id, hint: '', weight, critical: false, naAllowed: false, ...over };
}

const checklist: Checklist = {
  title: 'Тест',
  sections: [
    { id: 's1', title: 'Один', items: [item('greet', 10, { critical: true }), item('name', 5)] },
    {
      id: 's2',
      title: 'Два',
      items: [item('offer', 20, { naAllowed: true }), item('legal', 15, { critical: true, naAllowed: true })],
    },
  ],
};

describe('scoreChecklist', () => {
  it('scores everything yes as 100 and passes', () => {
    const marks: ChecklistMarks = { greet: 'yes', name: 'yes', offer: 'yes', legal: 'yes' };
    expect(scoreChecklist(checklist, marks)).toEqual({ percent: 100, failedCritical: [], passed: true, open: [] });
  });

  it('weighs items: yes weight over applicable weight, one decimal', () => {
    // 10 + 20 of 50.
    expect(scoreChecklist(checklist, { greet: 'yes', name: 'no', offer: 'yes', legal: 'yes' }).percent).toBe(90);
    expect(scoreChecklist(checklist, { greet: 'yes', name: 'no', offer: 'no', legal: 'yes' }).percent).toBe(50);
    const thirds: Checklist = { title: 't', sections: [{ id: 's', title: 's', items: [item('a', 1), item('b', 2)] }] };
    expect(scoreChecklist(thirds, { a: 'no', b: 'yes' }).percent).toBe(66.7);
    expect(scoreChecklist(thirds, { a: 'yes', b: 'no' }).percent).toBe(33.3);
  });

  it('leaves N/A items out where N/A is allowed', () => {
    // offer N/A: 10 + 5 + 15 of 30.
    const result = scoreChecklist(checklist, { greet: 'yes', name: 'yes', offer: 'na', legal: 'yes' });
    expect(result.percent).toBe(100);
    expect(result.passed).toBe(true);
    expect(result.open).toEqual([]);
  });

  it('counts N/A as "no" where N/A is not allowed', () => {
    // name N/A not allowed: 10 + 20 + 15 of 50.
    const result = scoreChecklist(checklist, { greet: 'yes', name: 'na', offer: 'yes', legal: 'yes' });
    expect(result.percent).toBe(90);
    expect(result.open).toEqual([]);
    const critical = scoreChecklist(checklist, { greet: 'na', name: 'yes', offer: 'yes', legal: 'yes' });
    expect(critical.failedCritical).toEqual(['greet']);
    expect(critical.passed).toBe(false);
  });

  it('fails the call on a critical item marked no, whatever the percent', () => {
    const result = scoreChecklist(checklist, { greet: 'yes', name: 'yes', offer: 'yes', legal: 'no' });
    expect(result.percent).toBe(70);
    expect(result.failedCritical).toEqual(['legal']);
    expect(result.passed).toBe(false);
  });

  it('passes a critical item marked N/A where allowed', () => {
    const result = scoreChecklist(checklist, { greet: 'yes', name: 'yes', offer: 'yes', legal: 'na' });
    expect(result.passed).toBe(true);
    expect(result.percent).toBe(100);
  });

  it('counts unmarked items as not done, lists them as open, and fails open critical items', () => {
    const result = scoreChecklist(checklist, { name: 'yes', offer: 'yes' });
    expect(result.percent).toBe(50);
    expect(result.open).toEqual(['greet', 'legal']);
    expect(result.failedCritical).toEqual(['greet', 'legal']);
    expect(result.passed).toBe(false);
    expect(scoreChecklist(checklist, {})).toEqual({
      percent: 0,
      failedCritical: ['greet', 'legal'],
      passed: false,
      open: ['greet', 'name', 'offer', 'legal'],
    });
  });

  it('scores 100 when every item is N/A', () => {
    const allNa: Checklist = {
      title: 't',
      sections: [
        { id: 's', title: 's', items: [item('a', 3, { naAllowed: true }), item('b', 4, { naAllowed: true })] },
      ],
    };
    expect(scoreChecklist(allNa, { a: 'na', b: 'na' })).toEqual({
      percent: 100,
      failedCritical: [],
      passed: true,
      open: [],
    });
  });

  it('ignores marks for items the checklist does not have', () => {
    const marks: ChecklistMarks = { greet: 'yes', name: 'yes', offer: 'yes', legal: 'yes', gone: 'no' };
    expect(scoreChecklist(checklist, marks).percent).toBe(100);
  });

  it('answers in the shape the API carries', () => {
    const result = scoreChecklist(DEFAULT_CHECKLIST, { introduced: 'yes', verified: 'na', offer_made: 'no' });
    expect(ChecklistResult.safeParse(result).success).toBe(true);
  });
});

describe('checklistItems and openItems', () => {
  it('flattens the sections in order', () => {
    expect(checklistItems(checklist).map((i) => i.id)).toEqual(['greet', 'name', 'offer', 'legal']);
  });

  it('lists what is still unmarked, in order', () => {
    expect(openItems(checklist, { name: 'no', legal: 'na' }).map((i) => i.id)).toEqual(['greet', 'offer']);
    expect(openItems(checklist, { greet: 'yes', name: 'yes', offer: 'yes', legal: 'yes' })).toEqual([]);
    expect(openItems(DEFAULT_CHECKLIST, {})).toHaveLength(checklistItems(DEFAULT_CHECKLIST).length);
  });
});
