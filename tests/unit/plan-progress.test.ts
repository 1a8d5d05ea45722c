// The operator's plan progress from local calls (lib/plan/progress.ts): today vs the month, the
// pace per remaining shift, earned and projected bonus, what-if, and local days across DST.
import fc from 'fast-check';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAY_RULE, emptyPlan } from '@/lib/plan/defaults';
import { localDay, planProgress, typicalUpgrade, whatIf } from '@/lib/plan/progress';
import type { CallOutcome, CallRecord, OutcomeKind } from '@/lib/schema/call';
import type { TariffCatalogue } from '@/lib/schema/content';
import type { OperatorPlan, PlanDocument, PlanMeasure } from '@/lib/schema/plan';
import { callRecord } from '../support/call-fixture';

const ME = '01JBX0000000000000000000A1';
const OTHER = '01JBX0000000000000000000B2';
const MOSCOW = 'Europe/Moscow';
const WARSAW = 'Europe/Warsaw';
const MIN = 60_000;

/** An instant given as Moscow wall time (UTC+3 all year). */
const msk = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour - 3, minute);

function outcome(kind: OutcomeKind, monthly: number, at: number): CallOutcome {
  return { id: ulid(at), kind, at, itemId: null, fromItemId: null, monthly, amountSource: 'catalogue' };
}

/** A finished call of `durationMs` with these outcomes (null duration: still going). */
function call(at: number, durationMs: number | null, outcomes: [OutcomeKind, number][] = []): CallRecord {
  return callRecord(at, {
    endedAt: durationMs === null ? null : at + durationMs,
    durationMs,
    outcomes: outcomes.map(([kind, monthly]) => outcome(kind, monthly, at + (durationMs ?? 0))),
  });
}

function plan(own: Partial<OperatorPlan>, measure: PlanMeasure = 'revenue', month = '2026-03'): PlanDocument {
  const base = emptyPlan(month);
  const mine: OperatorPlan = {
    userId: ME,
    name: 'Anna',
    shifts: 20,
    revenue: 10_000,
    sales: 8,
    effectiveCalls: 10,
    connections: null,
    upgrades: null,
    ...own,
  };
  return {
    ...base,
    operators: [mine, { ...mine, userId: OTHER, name: 'Boris', revenue: 1 }],
    pay: { ...DEFAULT_PAY_RULE, fixed: 30_000, bonus: 30_000, measure },
    effectiveCallMs: 20_000,
  };
}

// A small March in Moscow; "now" is 10 March, 12:00.
const NOW = msk(10, 12);
const MARCH: CallRecord[] = [
  call(msk(1, 0, -30), 5 * MIN, [['connection', 900]]), // 28 Feb 23:30: last month
  call(msk(2, 10), 5 * MIN, [['connection', 600]]),
  call(msk(2, 11), 10_000), // dial-and-hang-up: not effective
  call(msk(5, 23, 30), 3 * MIN, [
    ['upgrade', 100],
    ['service', 50],
    ['callback', 0],
  ]),
  call(msk(10, 0, 30), MIN, [['connection', 700]]), // 9 March 21:30 UTC, but 10 March in Moscow
  call(msk(10, 11), 2 * MIN, [['callback', 0]]),
  call(msk(10, 11, 50), null), // still going
  call(msk(32, 0, 30), 5 * MIN, [['connection', 800]]), // 1 April 00:30 (31 March in UTC)
];
const input = (p: PlanDocument, calls = MARCH, now = NOW, timeZone = MOSCOW) => ({
  plan: p,
  userId: ME,
  calls,
  now,
  timeZone,
});

describe('localDay', () => {
  it('is the day in the zone, not in UTC', () => {
    expect(localDay(Date.UTC(2026, 2, 9, 21, 30), MOSCOW)).toBe('2026-03-10');
    expect(localDay(Date.UTC(2026, 2, 9, 20, 59, 59, 999), MOSCOW)).toBe('2026-03-09');
    expect(localDay(Date.UTC(2026, 2, 9, 21, 30), 'UTC')).toBe('2026-03-09');
  });

  it('follows the late-March DST change in Warsaw (CET +1 until 29 March 01:00 UTC, then CEST +2)', () => {
    expect(localDay(Date.UTC(2026, 2, 28, 22, 59, 59, 999), WARSAW)).toBe('2026-03-28');
    expect(localDay(Date.UTC(2026, 2, 28, 23, 0), WARSAW)).toBe('2026-03-29');
    expect(localDay(Date.UTC(2026, 2, 29, 21, 59, 59, 999), WARSAW)).toBe('2026-03-29');
    expect(localDay(Date.UTC(2026, 2, 29, 22, 0), WARSAW)).toBe('2026-03-30');
    expect(localDay(Date.UTC(2026, 2, 31, 22, 0), WARSAW)).toBe('2026-04-01');
  });

  it('refuses an unknown zone', () => {
    expect(() => localDay(NOW, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('planProgress on a small month (revenue)', () => {
  const progress = planProgress(input(plan({})))!;

  it('counts the month and today by local day', () => {
    expect(progress.month).toBe('2026-03');
    expect(progress.monthTotals).toEqual({ calls: 6, effectiveCalls: 4, sales: 4, revenue: 1450 });
    expect(progress.today).toEqual({ calls: 3, effectiveCalls: 2, sales: 1, revenue: 700 });
  });

  it('measures revenue against the personal target', () => {
    expect(progress.measure).toBe('revenue');
    expect(progress.target).toBe(10_000);
    expect(progress.done).toBe(1450);
    expect(progress.percent).toBeCloseTo(14.5, 9);
    expect(progress.fixed).toBe(30_000);
    expect(progress.bonusMax).toBe(30_000);
    expect(progress.earnedBonus).toBe(0);
  });

  it('spreads what is left over today and the shifts not started', () => {
    // Worked 2 and 5 March before today: 20 − 2 = 18 shifts left, today's included; 8550 / 18.
    expect(progress.shiftsPlanned).toBe(20);
    expect(progress.shiftsWorked).toBe(3);
    expect(progress.remainingShifts).toBe(18);
    expect(progress.pacePerShift).toBe(475);
  });

  it('projects the month at the pace of the shifts worked', () => {
    // 1450 / 3 shifts × 20 = 9666.67 → 96.67 % → (96.67 − 40) / 60 of 30 000.
    expect(progress.projectedPercent).toBeCloseTo(96.6667, 3);
    expect(progress.projectedBonus).toBe(28_333);
  });

  it('is null for someone without a personal plan, and outside the month', () => {
    expect(planProgress({ ...input(plan({})), userId: '01JBX0000000000000000000Z9' })).toBeNull();
    expect(planProgress(input(plan({}), MARCH, msk(32, 0, 30)))).toBeNull();
    expect(planProgress(input(plan({}), MARCH, msk(1, 0, -30)))).toBeNull();
    expect(planProgress(input(plan({}, 'revenue', '2026-04')))).toBeNull();
  });
});

describe('planProgress: the other measures and what-if', () => {
  it('sales: 4 of 8 earns a sixth of the bonus; two more sales add 12 500', () => {
    const p = plan({}, 'sales');
    const progress = planProgress(input(p))!;
    expect(progress.target).toBe(8);
    expect(progress.done).toBe(4);
    expect(progress.percent).toBe(50);
    expect(progress.earnedBonus).toBe(5000);
    expect(progress.pacePerShift).toBe(1); // 4 left over 18 shifts, rounded up
    expect(whatIf(p, progress, { sales: 2 })).toBe(12_500);
    expect(whatIf(p, progress, { revenue: 5000, effectiveCalls: 10 })).toBe(0);
    expect(whatIf(p, progress, { sales: 100 })).toBe(25_000);
  });

  it('effective calls: only calls that lasted the plan minimum count', () => {
    const p = plan({}, 'effective_calls');
    const progress = planProgress(input(p))!;
    expect(progress.done).toBe(4);
    expect(progress.earnedBonus).toBe(0);
    expect(whatIf(p, progress, { effectiveCalls: 1 })).toBe(5000);
    expect(whatIf(p, progress, { sales: 3 })).toBe(0);
  });

  it('revenue: two typical upgrades more today', () => {
    const p = plan({ revenue: 2000 });
    const progress = planProgress(input(p))!;
    expect(progress.earnedBonus).toBe(16_250); // 72.5 %
    expect(whatIf(p, progress, { revenue: 2 * 200 })).toBe(10_000); // 92.5 %
  });
});

describe('planProgress: shifts and pace edge cases', () => {
  it('counts today as a shift before its first call', () => {
    const calls = MARCH.filter((c) => localDay(c.startedAt, MOSCOW) !== '2026-03-10');
    const progress = planProgress(input(plan({}), calls))!;
    expect(progress.today.calls).toBe(0);
    expect(progress.shiftsWorked).toBe(2);
    expect(progress.remainingShifts).toBe(18);
  });

  it('never counts more shifts than days left in the month, nor fewer than today', () => {
    const late = planProgress(input(plan({}), MARCH, msk(30, 12)))!;
    expect(late.remainingShifts).toBe(2); // 30 and 31 March
    expect(late.pacePerShift).toBe(Math.ceil((10_000 - 1450) / 2));
    const unplanned = planProgress(input(plan({ shifts: 0 })))!;
    expect(unplanned.remainingShifts).toBe(1);
    expect(unplanned.pacePerShift).toBe(8550);
    // Worked more shifts than planned: the projection is where the month stands.
    const over = planProgress(input(plan({ shifts: 2 })))!;
    expect(over.projectedPercent).toBeCloseTo(over.percent, 9);
  });

  it('asks nothing more once the target is met, and pays by the scale above 100 %', () => {
    const p = plan({ revenue: 1000 });
    p.pay = { ...p.pay, scale: [...p.pay.scale, { attainment: 150, share: 150 }] };
    const progress = planProgress(input(p))!;
    expect(progress.percent).toBeCloseTo(145, 9);
    expect(progress.pacePerShift).toBe(0);
    expect(progress.earnedBonus).toBe(43_500);
  });

  it('a zero target is 0 % and needs no pace', () => {
    const progress = planProgress(input(plan({ revenue: 0 })))!;
    expect(progress.percent).toBe(0);
    expect(progress.projectedPercent).toBe(0);
    expect(progress.pacePerShift).toBe(0);
  });

  it('before the first call the projection is the current percent', () => {
    const progress = planProgress(input(plan({}), []))!;
    expect(progress.shiftsWorked).toBe(0);
    expect(progress.projectedPercent).toBe(progress.percent);
    expect(progress.pacePerShift).toBe(500); // 10 000 over 20 shifts
  });
});

describe('planProgress across the DST change (Warsaw)', () => {
  // "now": 31 March 14:00 CEST.
  const now = Date.UTC(2026, 2, 31, 12);
  const calls = [
    call(Date.UTC(2026, 1, 28, 22, 30), MIN, [['connection', 1]]), // 28 Feb 23:30 CET: not March
    call(Date.UTC(2026, 1, 28, 23, 30), MIN, [['connection', 10]]), // 1 March 00:30 CET
    call(Date.UTC(2026, 2, 28, 23, 30), MIN, [['connection', 100]]), // 29 March 00:30 CET
    call(Date.UTC(2026, 2, 29, 22, 30), MIN, [['connection', 1000]]), // 30 March 00:30 CEST
    call(Date.UTC(2026, 2, 30, 22, 30), MIN, [['connection', 10_000]]), // 31 March 00:30 CEST: today
    call(Date.UTC(2026, 2, 31, 22, 30), MIN, [['connection', 100_000]]), // 1 April 00:30 CEST
  ];

  it('puts each call on its local day, with the offset of its own date', () => {
    const progress = planProgress(input(plan({ revenue: 100_000 }), calls, now, WARSAW))!;
    expect(progress.monthTotals.revenue).toBe(11_110);
    expect(progress.today).toEqual({ calls: 1, effectiveCalls: 1, sales: 1, revenue: 10_000 });
    expect(progress.shiftsWorked).toBe(4);
    expect(progress.remainingShifts).toBe(1); // the last day of the month
  });

  it('still counts 1 April 00:30 CEST as April', () => {
    expect(planProgress(input(plan({}), calls, Date.UTC(2026, 2, 31, 22, 0), WARSAW))).toBeNull();
    expect(planProgress(input(plan({}), calls, Date.UTC(2026, 2, 31, 21, 59), WARSAW))).not.toBeNull();
  });
});

describe('planProgress (properties)', () => {
  const MARCH_START = Date.UTC(2026, 1, 28, 21); // 1 March 00:00 in Moscow
  const MARCH_MS = 31 * 24 * 60 * MIN;

  it('pace × remaining shifts + done reaches the target whenever it is not met yet', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 31 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: MARCH_MS - 1 }), fc.integer({ min: -500, max: 3000 })), {
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: MARCH_MS - 1 }),
        (target, shifts, sales, nowOffset) => {
          const calls = sales.map(([offset, monthly]) => call(MARCH_START + offset, MIN, [['upgrade', monthly]]));
          const progress = planProgress(input(plan({ revenue: target, shifts }), calls, MARCH_START + nowOffset))!;
          expect(progress).not.toBeNull();
          expect(progress.remainingShifts).toBeGreaterThanOrEqual(1);
          const dayOfMonth = Number(localDay(MARCH_START + nowOffset, MOSCOW).slice(8, 10));
          expect(progress.remainingShifts).toBeLessThanOrEqual(32 - dayOfMonth);
          if (progress.done < progress.target) {
            expect(progress.pacePerShift * progress.remainingShifts + progress.done).toBeGreaterThanOrEqual(
              progress.target,
            );
          } else {
            expect(progress.pacePerShift).toBe(0);
          }
          expect(progress.monthTotals.revenue).toBe(sales.reduce((s, [, m]) => s + m, 0));
          expect(progress.today.calls).toBeLessThanOrEqual(progress.monthTotals.calls);
        },
      ),
    );
  });
});

describe('typicalUpgrade', () => {
  const tariff = (id: string, monthly: number, upgradeTo: string | null, active = true) => ({
    id,
    name: id,
    aliases: [],
    kind: 'internet' as const,
    monthly,
    speedMbps: null,
    upgradeTo,
    active,
  });
  const catalogue = (tariffs: ReturnType<typeof tariff>[]): TariffCatalogue => ({
    currency: 'RUB',
    tariffs,
    services: [],
  });

  it('averages the gain of active upgrades to active, dearer tariffs', () => {
    const c = catalogue([
      tariff('a', 500, 'b'), // +100
      tariff('b', 600, 'c'), // +300
      tariff('c', 900, null),
      tariff('d', 400, 'a', false), // archived: not offered
      tariff('e', 450, 'f'), // cheaper: not an upgrade
      tariff('f', 300, null),
      tariff('g', 350, 'h'), // to an archived tariff
      tariff('h', 990, null, false),
    ]);
    expect(typicalUpgrade(c)).toBe(200);
  });

  it('is null without any', () => {
    expect(typicalUpgrade(catalogue([tariff('a', 500, null)]))).toBeNull();
    expect(typicalUpgrade(catalogue([]))).toBeNull();
  });

  it('rounds the mean', () => {
    expect(typicalUpgrade(catalogue([tariff('a', 500, 'b'), tariff('b', 601, 'c'), tariff('c', 603, null)]))).toBe(52);
  });
});
