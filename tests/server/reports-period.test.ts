// The reports' pure arithmetic, checked against dates and numbers worked out by hand: local
// midnights in zones with DST (23- and 25-hour days, a midnight that does not exist), the operator
// report's buckets, the drift rule on its thresholds, and month-to-date attainment across a week that
// straddles two months.
import { describe, expect, test } from 'vitest';
import { isDrift, mixRows } from '../../server/reports/mix-rows';
import { firstBucketFrom, operatorBuckets } from '../../server/reports/operator-buckets';
import { isAnomaly, operatorRows } from '../../server/reports/operator-rows';
import { addDays, isTimeZone, localDate, mondayOf, monthKey, startOfDay } from '../../server/reports/period';

const HOUR = 3600_000;

describe('time-zone calendar', () => {
  test('time zones: IANA names and UTC are known, anything else is not', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Europe/Warsaw')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('../../etc/passwd')).toBe(false);
    expect(isTimeZone('Europe/Moscow; drop table calls')).toBe(false);
  });

  test('Moscow midnights are 21:00 UTC the day before, all year (no DST)', () => {
    expect(startOfDay({ year: 2025, month: 4, day: 2 }, 'Europe/Moscow')).toBe(Date.UTC(2025, 3, 1, 21));
    expect(startOfDay({ year: 2025, month: 7, day: 1 }, 'Europe/Moscow')).toBe(Date.UTC(2025, 5, 30, 21));
    expect(localDate(Date.UTC(2025, 3, 1, 20, 59, 59, 999), 'Europe/Moscow')).toEqual({ year: 2025, month: 4, day: 1 });
    expect(localDate(Date.UTC(2025, 3, 1, 21), 'Europe/Moscow')).toEqual({ year: 2025, month: 4, day: 2 });
  });

  test('Warsaw: 31 March 2024 lasts 23 hours, 26 October 2025 lasts 25', () => {
    const spring = startOfDay({ year: 2024, month: 3, day: 31 }, 'Europe/Warsaw');
    const afterSpring = startOfDay({ year: 2024, month: 4, day: 1 }, 'Europe/Warsaw');
    expect(spring).toBe(Date.UTC(2024, 2, 30, 23)); // 00:00 CET
    expect(afterSpring).toBe(Date.UTC(2024, 2, 31, 22)); // 00:00 CEST
    expect(afterSpring - spring).toBe(23 * HOUR);
    const autumn = startOfDay({ year: 2025, month: 10, day: 26 }, 'Europe/Warsaw');
    const afterAutumn = startOfDay({ year: 2025, month: 10, day: 27 }, 'Europe/Warsaw');
    expect(autumn).toBe(Date.UTC(2025, 9, 25, 22)); // 00:00 CEST
    expect(afterAutumn).toBe(Date.UTC(2025, 9, 26, 23)); // 00:00 CET
    expect(afterAutumn - autumn).toBe(25 * HOUR);
  });

  test('a day whose midnight is skipped starts at the first instant it has', () => {
    // Santiago de Chile moved from UTC−4 to UTC−3 at 00:00 on 8 September 2024: the day began at 01:00.
    expect(startOfDay({ year: 2024, month: 9, day: 8 }, 'America/Santiago')).toBe(Date.UTC(2024, 8, 8, 4));
    expect(startOfDay({ year: 2024, month: 9, day: 9 }, 'America/Santiago')).toBe(Date.UTC(2024, 8, 9, 3));
    // Offsets that are not whole hours: Kathmandu is UTC+5:45.
    expect(startOfDay({ year: 2025, month: 1, day: 1 }, 'Asia/Kathmandu')).toBe(Date.UTC(2024, 11, 31, 18, 15));
  });

  test('dates: adding days across months and years, ISO Mondays, months', () => {
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(mondayOf({ year: 2025, month: 4, day: 6 })).toEqual({ year: 2025, month: 3, day: 31 }); // a Sunday
    expect(mondayOf({ year: 2025, month: 3, day: 31 })).toEqual({ year: 2025, month: 3, day: 31 });
    expect(monthKey({ year: 2025, month: 4, day: 30 })).toBe('2025-04');
  });
});

describe('operator report buckets', () => {
  test('every local midnight from the first of the month, plus `from` inside its day', () => {
    const from = Date.UTC(2025, 3, 2, 8, 30); // 2 April, 11:30 in Moscow
    const to = Date.UTC(2025, 3, 3, 21); // 4 April 00:00 in Moscow
    const buckets = operatorBuckets(from, to, 'Europe/Moscow');
    expect(buckets.map((b) => b.start)).toEqual([
      Date.UTC(2025, 2, 31, 21), // 1 April
      Date.UTC(2025, 3, 1, 21), // 2 April
      from,
      Date.UTC(2025, 3, 2, 21), // 3 April
    ]);
    // The `from` bucket belongs to 2 April, in the week of Monday 31 March and in April.
    expect(buckets[2]).toEqual({
      start: from,
      dayStart: Date.UTC(2025, 3, 1, 21),
      dayEnd: Date.UTC(2025, 3, 2, 21),
      weekStart: Date.UTC(2025, 2, 30, 21),
      weekEnd: Date.UTC(2025, 3, 6, 21),
      month: '2025-04',
      monthStart: Date.UTC(2025, 2, 31, 21),
    });
    expect(firstBucketFrom(buckets, from)).toBe(2);
    expect(firstBucketFrom(buckets, from + 1)).toBe(3);
    expect(firstBucketFrom(buckets, to)).toBe(4);
  });

  test('Warsaw buckets follow the clock change', () => {
    const from = Date.UTC(2024, 2, 29, 23); // 30 March 00:00 CET
    const to = Date.UTC(2024, 3, 1, 22); // 2 April 00:00 CEST
    const starts = operatorBuckets(from, to, 'Europe/Warsaw').map((b) => b.start);
    // From 1 March (CET) to 1 April; the last three are 30 March, 31 March (23 h), 1 April.
    expect(starts[0]).toBe(Date.UTC(2024, 1, 29, 23));
    expect(starts.slice(-3)).toEqual([Date.UTC(2024, 2, 29, 23), Date.UTC(2024, 2, 30, 23), Date.UTC(2024, 2, 31, 22)]);
    expect(starts).toHaveLength(32);
  });
});

describe('mix drift', () => {
  test('5 points AND 50 % AND 20 calls, exactly on the thresholds included', () => {
    // 15 % against 10 %: +5 points, +50 %, 30 calls.
    expect(isDrift(30, 200, 10, 100)).toBe(true);
    // 14.5 % against 10 %: 4.5 points.
    expect(isDrift(29, 200, 10, 100)).toBe(false);
    // 21 % against 15 %: 6 points but only 40 %.
    expect(isDrift(21, 100, 15, 100)).toBe(false);
    // 19 calls: too few, however large the jump.
    expect(isDrift(19, 20, 0, 100)).toBe(false);
    // A collapse counts: 10 % against 40 %.
    expect(isDrift(20, 200, 40, 100)).toBe(true);
    // Nothing to compare with.
    expect(isDrift(50, 100, 0, 0)).toBe(false);
  });

  test('shares and order: most calls first, then the previous period, untagged last on ties', () => {
    const mix = mixRows([
      { typeId: null, calls: 10, previousCalls: 10 },
      { typeId: 'billing', calls: 10, previousCalls: 20 },
      { typeId: 'tech_support', calls: 30, previousCalls: 10 },
      { typeId: 'other', calls: 0, previousCalls: 0 },
    ]);
    expect(mix.total).toBe(50);
    expect(mix.previousTotal).toBe(40);
    expect(mix.rows.map((r) => [r.typeId, r.share, r.previousShare, r.drift])).toEqual([
      ['tech_support', 0.6, 0.25, true],
      ['billing', 0.2, 0.5, false],
      [null, 0.2, 0.25, false],
      ['other', 0, 0, false],
    ]);
  });
});

describe('operator rows', () => {
  test('anomaly: at least 20 calls and under 30 % effective', () => {
    expect(isAnomaly(20, 5)).toBe(true);
    expect(isAnomaly(20, 6)).toBe(false);
    expect(isAnomaly(19, 0)).toBe(false);
    expect(isAnomaly(100, 10)).toBe(true);
  });

  test('a week across two months: its rows count the week, attainment the new month so far', () => {
    // Moscow, Monday 28 April to Sunday 4 May 2025; the report asks from 28 April to 5 May.
    const msk = (day: number, month = 4) => Date.UTC(2025, month - 1, day) - 3 * HOUR;
    const from = msk(28);
    const to = msk(5, 5);
    const buckets = operatorBuckets(from, to, 'Europe/Moscow');
    const at = (day: number, month: number) => buckets.findIndex((b) => b.start === msk(day, month));
    const figure = (bucket: number, revenue: number, sales: number) => ({
      userId: 'u1',
      userName: 'Анна',
      bucket,
      calls: 2,
      effectiveCalls: 1,
      shortCalls: 1,
      sales,
      revenue,
    });
    const figures = [figure(at(1, 4), 1000, 1), figure(at(29, 4), 100, 1), figure(at(2, 5), 50, 1)];
    const targets: Record<string, number> = { '2025-04': 2000, '2025-05': 200 };
    const rows = operatorRows({
      buckets,
      figures,
      from,
      to,
      period: 'week',
      targetOf: (_user, month) => (targets[month] ? { measure: 'revenue', target: targets[month] } : null),
    });
    expect(rows).toEqual([
      {
        userId: 'u1',
        userName: 'Анна',
        periodStart: from,
        calls: 4,
        effectiveCalls: 2,
        shortCalls: 2,
        sales: 2,
        revenue: 150,
        attainment: 50 / 200, // May so far: only the 2 May sale
        anomaly: false,
      },
    ]);
    // By day, 29 April measures April so far (1 April's 1000 and its own 100).
    const days = operatorRows({
      buckets,
      figures,
      from,
      to,
      period: 'day',
      targetOf: (_user, month) => (targets[month] ? { measure: 'revenue', target: targets[month] } : null),
    });
    expect(days.map((r) => [r.periodStart, r.revenue, r.attainment])).toEqual([
      [msk(29), 100, 1100 / 2000],
      [msk(2, 5), 50, 50 / 200],
    ]);
  });
});
