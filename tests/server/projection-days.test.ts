// The daily rollup's arithmetic, pure: which plan thresholds call_days answers exactly, and the
// deltas a batch writes when calls are stored, moved to another day or type, lengthened, or sold on
// (hand-computed, Moscow days). That the live rollup equals the rebuilt one is in projection.test.ts.
import { describe, expect, test } from 'vitest';
import { atLeastIndex, type DayChange, dayStarts, planDays } from '../../server/sync/projection-days';

const msk = (day: number, hour = 0) => Date.UTC(2025, 2, day, hour - 3);
const tz = () => 'Europe/Moscow';
const steps = (n: number, value = 1) => Array.from({ length: 24 }, (_, i) => (i < n ? value : 0));

describe('call_days', () => {
  test('thresholds: 0 and whole 5-second steps up to 120 s are exact, anything else is not', () => {
    expect([0, 5_000, 10_000, 20_000, 120_000].map(atLeastIndex)).toEqual([0, 1, 2, 4, 24]);
    expect([12_000, 125_000, 4_999, 3_600_000].map(atLeastIndex)).toEqual([null, null, null, null]);
  });

  test('a new call adds one row; a moved call leaves its old key and reaches the new one', () => {
    const owner = { orgId: 'org', userId: 'u', teamId: 't' };
    const stored: DayChange = {
      ...owner,
      before: null,
      after: { startedAt: msk(3, 23), durationMs: 12_000, typeId: 'billing', sales: 2, revenue: 300 },
    };
    const key = { org_id: 'org', user_id: 'u', team_id: 't' };
    expect(planDays([stored], tz)).toEqual([
      { ...key, day_start: msk(3), type_id: 'billing', calls: 1, ended: 1, at_least: steps(2), sales: 2, revenue: 300 },
    ]);
    // Moved past midnight and retagged, now 130 s long (capped at the last step), sales as stored.
    const moved: DayChange = {
      ...owner,
      before: stored.after,
      after: { startedAt: msk(4, 0), durationMs: 130_000, typeId: null, sales: 2, revenue: 300 },
    };
    expect(planDays([moved], tz)).toEqual([
      {
        ...key,
        day_start: msk(3),
        type_id: 'billing',
        calls: -1,
        ended: -1,
        at_least: steps(2, -1),
        sales: -2,
        revenue: -300,
      },
      { ...key, day_start: msk(4), type_id: null, calls: 1, ended: 1, at_least: steps(24), sales: 2, revenue: 300 },
    ]);
    // Only its sales change (a wrap-up), and an unchanged call: one row, and nothing.
    const sold: DayChange = { ...owner, before: moved.after, after: { ...moved.after, sales: 3, revenue: 350 } };
    const same: DayChange = { ...owner, before: moved.after, after: moved.after };
    expect(planDays([sold, same], tz)).toEqual([
      { ...key, day_start: msk(4), type_id: null, calls: 0, ended: 0, at_least: steps(0), sales: 1, revenue: 50 },
    ]);
    // An unended call counts among the calls only.
    const open: DayChange = {
      ...owner,
      before: null,
      after: { ...moved.after, durationMs: null, sales: 0, revenue: 0 },
    };
    expect(planDays([open], tz)[0]).toMatchObject({ calls: 1, ended: 0, at_least: steps(0) });
  });

  test('the rebuild cuts days at local midnights, across a clock change', () => {
    // Warsaw, 30 March 2024 12:00 CET to 1 April 12:00 CEST: three days, the middle one 23 hours.
    expect(dayStarts(Date.UTC(2024, 2, 30, 11), Date.UTC(2024, 3, 1, 10), 'Europe/Warsaw')).toEqual([
      Date.UTC(2024, 2, 29, 23),
      Date.UTC(2024, 2, 30, 23),
      Date.UTC(2024, 2, 31, 22),
    ]);
  });
});
