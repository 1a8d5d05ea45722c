// The department plan formula and the suggested expected connections (lib/plan/formula.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, averageCheck, expectedConnections, planRevenue } from '@/lib/plan/formula';

describe('planRevenue', () => {
  it('multiplies connections, average check and the uplift (seed-like numbers)', () => {
    expect(
      planRevenue({ expectedConnections: 200, connectionsSource: 'entered', averageCheck: 550, uplift: 0.15 }),
    ).toBe(126_500);
    expect(
      planRevenue({ expectedConnections: 180, connectionsSource: 'last_year', averageCheck: 600, uplift: 0 }),
    ).toBe(108_000);
    expect(planRevenue({ expectedConnections: 0, connectionsSource: 'entered', averageCheck: 550, uplift: 0.2 })).toBe(
      0,
    );
  });

  it('rounds an exact half up, as by hand (50 × 1.15 = 57.5 → 58, not 57.4999…)', () => {
    expect(planRevenue({ expectedConnections: 1, connectionsSource: 'entered', averageCheck: 50, uplift: 0.15 })).toBe(
      58,
    );
    expect(planRevenue({ expectedConnections: 1, connectionsSource: 'entered', averageCheck: 170, uplift: 0.15 })).toBe(
      196,
    );
  });

  it('equals the exact decimal result for uplifts in whole percent (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100 }),
        (connections, check, percent) => {
          const exactHundredths = connections * check * (100 + percent);
          const expected = Math.floor((exactHundredths + 50) / 100);
          const got = planRevenue({
            expectedConnections: connections,
            connectionsSource: 'entered',
            averageCheck: check,
            uplift: percent / 100,
          });
          expect(got).toBe(expected);
        },
      ),
    );
  });
});

describe('averageCheck', () => {
  it('is the rounded mean, 0 for none', () => {
    expect(averageCheck([])).toBe(0);
    expect(averageCheck([500, 600, 650])).toBe(583);
    expect(averageCheck([1, 2])).toBe(2);
    expect(averageCheck([550])).toBe(550);
  });
});

describe('addMonths', () => {
  it('crosses year boundaries both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -12)).toBe('2025-11');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
  });
  it('refuses what is not a month', () => {
    expect(() => addMonths('2026-13', -1)).toThrow(RangeError);
    expect(() => addMonths('26-01', -1)).toThrow(RangeError);
  });
});

describe('expectedConnections', () => {
  const history = [
    { month: '2025-10', connections: 150 },
    { month: '2025-11', connections: 190 },
    { month: '2025-12', connections: 171 },
    { month: '2026-01', connections: 120 },
    { month: '2026-02', connections: 999 },
  ];

  it('last_year: the same month a year before, null without it', () => {
    expect(expectedConnections(history, '2026-11', 'last_year')).toBe(190);
    expect(expectedConnections(history, '2026-12', 'last_year')).toBe(171);
    expect(expectedConnections(history, '2026-09', 'last_year')).toBeNull();
  });

  it('recent_average: the rounded mean of the 3 months before (across the new year)', () => {
    // 2025-10, 2025-11, 2025-12 — not January itself, not February.
    expect(expectedConnections(history, '2026-01', 'recent_average')).toBe(170);
    // 2025-11, 2025-12, 2026-01: (190 + 171 + 120) / 3 = 160.33
    expect(expectedConnections(history, '2026-02', 'recent_average')).toBe(160);
  });

  it('recent_average: only the months the history has; null when none', () => {
    // The window for 2026-04 is 01, 02, 03; March is missing: (120 + 999) / 2 = 559.5.
    expect(expectedConnections(history, '2026-04', 'recent_average')).toBe(560);
    expect(expectedConnections(history, '2026-05', 'recent_average')).toBe(999);
    expect(expectedConnections(history, '2026-06', 'recent_average')).toBeNull();
    expect(expectedConnections([], '2026-06', 'last_year')).toBeNull();
  });

  it('a month listed twice counts by its last row', () => {
    const twice = [
      { month: '2025-06', connections: 10 },
      { month: '2025-06', connections: 30 },
    ];
    expect(expectedConnections(twice, '2026-06', 'last_year')).toBe(30);
  });

  it('rejects malformed history and months', () => {
    expect(() => expectedConnections([{ month: '2025-6', connections: 1 }], '2026-06', 'last_year')).toThrow();
    expect(() => expectedConnections([{ month: '2025-06', connections: -1 }], '2026-06', 'last_year')).toThrow();
    expect(() => expectedConnections(history, 'June', 'recent_average')).toThrow(RangeError);
  });
});
