// The operator report's arithmetic, pure: per-bucket figures from SQL summed into one row per
// operator and local day (or ISO week), with month-to-date plan attainment and the anomaly flag.
import type { OperatorPeriodRow } from '../../lib/schema/reports';
import { type Bucket, firstBucketFrom } from './operator-buckets';
import type { OperatorTarget } from './plans';

/**
 * Calls shorter than this are "dial and hang up" (seed 002). The panel records a duration whenever
 * a call ends (lib/calls/rules.ts), so a call without one has not ended as far as the server knows:
 * it counts among the calls but is neither short nor effective.
 */
export const SHORT_CALL_MS = 10_000;
/** "100 contacts, reached only 10" (seed 002): at least this many calls with under this share effective. */
export const ANOMALY_MIN_CALLS = 20;
export const ANOMALY_EFFECTIVE_SHARE = 0.3;

export interface BucketFigures {
  userId: string;
  userName: string;
  /** Index into the report's buckets. */
  bucket: number;
  calls: number;
  effectiveCalls: number;
  shortCalls: number;
  sales: number;
  revenue: number;
}

export interface OperatorRowsInput {
  buckets: readonly Bucket[];
  figures: readonly BucketFigures[];
  from: number;
  to: number;
  period: 'day' | 'week';
  targetOf(userId: string, month: string): OperatorTarget | null;
}

type Measured = Record<OperatorTarget['measure'], number>;

export function isAnomaly(calls: number, effectiveCalls: number): boolean {
  return calls >= ANOMALY_MIN_CALLS && effectiveCalls / calls < ANOMALY_EFFECTIVE_SHARE;
}

/** Running totals per bucket of one operator: totals[i] sums buckets 0..i-1. */
function runningTotals(bucketCount: number, figures: readonly BucketFigures[]): Measured[] {
  const per: Measured[] = Array.from({ length: bucketCount }, () => ({ revenue: 0, sales: 0, effective_calls: 0 }));
  for (const f of figures) {
    const slot = per[f.bucket]!;
    slot.revenue += f.revenue;
    slot.sales += f.sales;
    slot.effective_calls += f.effectiveCalls;
  }
  const totals: Measured[] = [{ revenue: 0, sales: 0, effective_calls: 0 }];
  for (const slot of per) {
    const last = totals[totals.length - 1]!;
    totals.push({
      revenue: last.revenue + slot.revenue,
      sales: last.sales + slot.sales,
      effective_calls: last.effective_calls + slot.effective_calls,
    });
  }
  return totals;
}

/** Rows by period, then operator name; attainment runs from the month's start to the row's end. */
export function operatorRows(input: OperatorRowsInput): OperatorPeriodRow[] {
  const { buckets, from, to, period } = input;
  const byUser = new Map<string, BucketFigures[]>();
  for (const f of input.figures) {
    const list = byUser.get(f.userId);
    if (list) list.push(f);
    else byUser.set(f.userId, [f]);
  }

  const rows: OperatorPeriodRow[] = [];
  for (const [userId, figures] of byUser) {
    const totals = runningTotals(buckets.length, figures);
    const periods = new Map<number, { row: OperatorPeriodRow; end: number }>();
    for (const f of figures) {
      const bucket = buckets[f.bucket]!;
      if (bucket.start < from) continue; // month-to-date only
      const start = period === 'day' ? bucket.dayStart : bucket.weekStart;
      let entry = periods.get(start);
      if (!entry) {
        const row: OperatorPeriodRow = {
          userId,
          userName: f.userName,
          periodStart: start,
          calls: 0,
          effectiveCalls: 0,
          shortCalls: 0,
          sales: 0,
          revenue: 0,
          attainment: null,
          anomaly: false,
        };
        entry = { row, end: Math.min(to, period === 'day' ? bucket.dayEnd : bucket.weekEnd) };
        periods.set(start, entry);
      }
      entry.row.calls += f.calls;
      entry.row.effectiveCalls += f.effectiveCalls;
      entry.row.shortCalls += f.shortCalls;
      entry.row.sales += f.sales;
      entry.row.revenue += f.revenue;
    }
    for (const { row, end } of periods.values()) {
      row.anomaly = isAnomaly(row.calls, row.effectiveCalls);
      const untilIndex = firstBucketFrom(buckets, end);
      const last = buckets[untilIndex - 1]!; // the bucket holding the row's last instant
      const target = input.targetOf(userId, last.month);
      if (target && target.target > 0) {
        const sinceIndex = firstBucketFrom(buckets, last.monthStart);
        const done = totals[untilIndex]![target.measure] - totals[sinceIndex]![target.measure];
        row.attainment = done / target.target;
      }
      rows.push(row);
    }
  }
  return rows.sort(
    (a, b) =>
      a.periodStart - b.periodStart ||
      a.userName.localeCompare(b.userName) ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}
