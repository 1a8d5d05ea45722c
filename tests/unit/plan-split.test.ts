// Splitting the department plan across operators (lib/plan/split.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualMismatch, splitPlan, splitTarget } from '@/lib/plan/split';
import type { OperatorPlan, PlanDocument } from '@/lib/schema/plan';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('splitTarget', () => {
  it('gives the units left after the floors to the largest remainders', () => {
    // Quotas 1.43, 2.86, 5.71: floors 1, 2, 5; the two units left go to 2.86 and 5.71.
    expect(splitTarget(10, [1, 2, 4])).toEqual([1, 3, 6]);
    expect(splitTarget(100, [20, 10, 0])).toEqual([67, 33, 0]);
    expect(splitTarget(126_500, [20, 20, 10])).toEqual([50_600, 50_600, 25_300]);
  });

  it('breaks ties towards the earlier index', () => {
    expect(splitTarget(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitTarget(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitTarget(5, [3, 1, 1, 3])).toEqual([2, 1, 0, 2]);
  });

  it('splits equally when every weight is zero, and gives nothing for no weights', () => {
    expect(splitTarget(5, [0, 0])).toEqual([3, 2]);
    expect(splitTarget(7, [])).toEqual([]);
    expect(splitTarget(0, [1, 2])).toEqual([0, 0]);
  });

  it('refuses a negative or fractional total and negative or non-finite weights', () => {
    expect(() => splitTarget(-1, [1])).toThrow();
    expect(() => splitTarget(1.5, [1])).toThrow();
    expect(() => splitTarget(10, [1, -1])).toThrow();
    expect(() => splitTarget(10, [Number.NaN])).toThrow();
    expect(() => splitTarget(10, [Number.POSITIVE_INFINITY])).toThrow();
  });

  const checkSplit = (total: number, weights: number[]) => {
    const parts = splitTarget(total, weights);
    expect(parts).toHaveLength(weights.length);
    if (weights.length === 0) return;
    expect(sum(parts)).toBe(total);
    const weightSum = sum(weights);
    weights.forEach((w, i) => {
      const part = parts[i]!;
      expect(Number.isInteger(part) && part >= 0).toBe(true);
      const quota = weightSum > 0 ? (total * w) / weightSum : total / weights.length;
      expect(Math.abs(part - quota)).toBeLessThanOrEqual(1 + 1e-9);
    });
  };

  it('parts add up to the total and stay within 1 of the quota (whole weights, property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 60 }),
        checkSplit,
      ),
    );
  });

  it('parts add up to the total and stay within 1 of the quota (fractional weights, property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }), { maxLength: 40 }),
        checkSplit,
      ),
    );
  });

  it('an equal split differs by at most 1, larger parts first (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitTarget(total, Array(n).fill(1));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
  });
});

const targets: PlanDocument['targets'] = {
  revenue: 126_500,
  sales: 301,
  effectiveCalls: 3000,
  connections: 200,
  upgrades: null,
};
const team = [
  { userId: '01JBX0000000000000000000A1', name: 'Anna', shifts: 20 },
  { userId: '01JBX0000000000000000000B2', name: 'Boris', shifts: 20 },
  { userId: '01JBX0000000000000000000C3', name: 'Vera', shifts: 10 },
];

describe('splitPlan', () => {
  it('splits every target by shifts, keeping an unplanned target null', () => {
    const plans = splitPlan(targets, team, 'shifts');
    expect(plans).toEqual([
      { ...team[0], revenue: 50_600, sales: 121, effectiveCalls: 1200, connections: 80, upgrades: null },
      { ...team[1], revenue: 50_600, sales: 120, effectiveCalls: 1200, connections: 80, upgrades: null },
      { ...team[2], revenue: 25_300, sales: 60, effectiveCalls: 600, connections: 40, upgrades: null },
    ]);
    expect(manualMismatch(targets, plans)).toEqual([]);
  });

  it('splits equally regardless of shifts', () => {
    const plans = splitPlan({ ...targets, upgrades: 10 }, team, 'equal');
    expect(plans.map((p) => p.revenue)).toEqual([42_167, 42_167, 42_166]);
    expect(plans.map((p) => p.upgrades)).toEqual([4, 3, 3]);
    expect(plans.map((p) => p.shifts)).toEqual([20, 20, 10]);
  });

  it('splits by shifts equally while nobody has shifts yet', () => {
    const plans = splitPlan(
      targets,
      team.map((op) => ({ ...op, shifts: 0 })),
      'shifts',
    );
    expect(plans.map((p) => p.connections)).toEqual([67, 67, 66]);
  });

  it('gives no plans to no operators', () => {
    expect(splitPlan(targets, [], 'equal')).toEqual([]);
  });
});

describe('manualMismatch', () => {
  const plan = (revenue: number, connections: number | null): OperatorPlan => ({
    ...team[0]!,
    revenue,
    sales: 0,
    effectiveCalls: 0,
    connections,
    upgrades: 5,
  });
  const small = { revenue: 1000, sales: 0, effectiveCalls: 0, connections: 10, upgrades: null };

  it('lists the planned totals the shares miss, a null share counting as 0', () => {
    expect(manualMismatch(small, [plan(600, 10), plan(300, null)])).toEqual([
      { field: 'revenue', planned: 1000, assigned: 900 },
    ]);
    expect(manualMismatch(small, [plan(600, 4), plan(500, 4)])).toEqual([
      { field: 'revenue', planned: 1000, assigned: 1100 },
      { field: 'connections', planned: 10, assigned: 8 },
    ]);
  });

  it('ignores unplanned targets and is empty when everything adds up', () => {
    expect(manualMismatch(small, [plan(400, 3), plan(600, 7)])).toEqual([]);
  });

  it('reports every planned total with nobody assigned', () => {
    expect(manualMismatch({ ...small, upgrades: 0 }, [])).toEqual([
      { field: 'revenue', planned: 1000, assigned: 0 },
      { field: 'connections', planned: 10, assigned: 0 },
    ]);
  });
});
