// The tag rules: which call a keystroke tags, wrap-up, untagged flags, shifts, undo.
import { describe, expect, it } from 'vitest';
import {
  countUntagged,
  isUntagged,
  mergeContext,
  shiftCalls,
  tagTarget,
  undoableTag,
  withTag,
} from '@/lib/calls/rules';
import { fakeUlid, makeCall, T0 } from './helpers';

const MIN = 60_000;
const ended = (start: number, end: number, wrapUp = 90_000) =>
  makeCall({ id: fakeUlid(start), startedAt: start, endedAt: end, durationMs: end - start, wrapUpUntil: end + wrapUp });

describe('tagTarget', () => {
  it('prefers the active call over one in wrap-up', () => {
    const active = makeCall({ id: fakeUlid(2), startedAt: T0 + 5 * MIN });
    expect(tagTarget([ended(T0, T0 + MIN), active], T0 + 5 * MIN)?.id).toBe(active.id);
  });
  it('takes the newest call whose wrap-up is open, and nothing after it closed', () => {
    const older = ended(T0, T0 + MIN);
    const newer = ended(T0 + 2 * MIN, T0 + 3 * MIN);
    expect(tagTarget([older, newer], T0 + 3 * MIN + 1000)?.id).toBe(newer.id);
    expect(tagTarget([older, newer], T0 + 3 * MIN + 90_001)).toBeNull();
  });
});

describe('untagged', () => {
  it('flags a call only after its wrap-up closed without a tag', () => {
    const call = ended(T0, T0 + MIN);
    expect(isUntagged(call, T0 + MIN + 89_000)).toBe(false);
    expect(isUntagged(call, T0 + MIN + 91_000)).toBe(true);
    const tagged = withTag(call, { id: fakeUlid(9), typeId: 'other', at: T0 + MIN })!;
    expect(isUntagged(tagged, T0 + 10 * MIN)).toBe(false);
    expect(isUntagged(makeCall(), T0 + 100 * MIN)).toBe(false);
    expect(countUntagged([call, tagged, ended(T0 + 3 * MIN, T0 + 4 * MIN)], T0 + 20 * MIN)).toBe(2);
  });
});

describe('withTag and undo', () => {
  it('adds several types but the same type once', () => {
    const call = makeCall();
    const one = withTag(call, { id: fakeUlid(1), typeId: 'billing', at: T0 + 1 })!;
    expect(withTag(one, { id: fakeUlid(2), typeId: 'billing', at: T0 + 2 })).toBeNull();
    expect(withTag(one, { id: fakeUlid(3), typeId: 'other', at: T0 + 3 })?.tags).toHaveLength(2);
  });
  it('undo is possible for the configured seconds after the last tag', () => {
    const call = withTag(makeCall(), { id: fakeUlid(1), typeId: 'billing', at: T0 })!;
    expect(undoableTag(call, T0 + 5000, 5)?.typeId).toBe('billing');
    expect(undoableTag(call, T0 + 5001, 5)).toBeNull();
    expect(undoableTag(makeCall(), T0, 5)).toBeNull();
  });
});

describe('mergeContext', () => {
  it('keeps earlier fields, reports no change when nothing new', () => {
    const call = makeCall({ subscriber: { name: 'A' } });
    const merged = mergeContext(call, '+7 1', { tariff: 'T', name: '' }, T0 + 1)!;
    expect(merged.subscriber).toEqual({ name: 'A', tariff: 'T' });
    expect(mergeContext(merged, null, { tariff: 'T' }, T0 + 2)).toBeNull();
  });
});

describe('shiftCalls', () => {
  it('goes back from now until a four-hour gap', () => {
    const yesterday = ended(T0 - 20 * 60 * MIN, T0 - 19 * 60 * MIN);
    const morning = ended(T0, T0 + MIN);
    const noon = ended(T0 + 3 * 60 * MIN, T0 + 3 * 60 * MIN + MIN);
    const shift = shiftCalls([yesterday, morning, noon], T0 + 4 * 60 * MIN);
    expect(shift.map((c) => c.id)).toEqual([noon.id, morning.id]);
    expect(shiftCalls([morning], T0 + 10 * 60 * MIN)).toEqual([]);
  });
});
