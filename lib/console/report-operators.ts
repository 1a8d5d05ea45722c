// The per-operator table of the stand-up: each operator's days (or weeks) with calls, effective
// calls, sales, revenue, plan attainment and the "many calls, few reached" flag (seed 002), the
// operator's totals over the period, and the series the chart draws per day. Pure.
import type { OperatorPeriodRow, OperatorReport } from '../schema/reports';
import { ratio } from './report-format';

export interface OperatorTotals {
  userId: string;
  userName: string;
  calls: number;
  effectiveCalls: number;
  shortCalls: number;
  sales: number;
  revenue: number;
  /** effectiveCalls / calls. */
  effectiveShare: number | null;
  /** The latest known attainment of the month's plan (1 = 100 %); null without a plan. */
  attainment: number | null;
  /** Days (or weeks) flagged as an anomaly. */
  anomalies: number;
  /** The operator's rows, oldest first. */
  rows: OperatorPeriodRow[];
}

/** One operator per entry, in name order; each with its rows and totals. */
export function operatorTotals(report: OperatorReport): OperatorTotals[] {
  const byUser = new Map<string, OperatorPeriodRow[]>();
  for (const row of report.rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push(row);
    byUser.set(row.userId, list);
  }
  const totals: OperatorTotals[] = [];
  for (const [userId, unsorted] of byUser) {
    const rows = [...unsorted].sort((a, b) => a.periodStart - b.periodStart);
    const sum = (pick: (row: OperatorPeriodRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const calls = sum((row) => row.calls);
    const effectiveCalls = sum((row) => row.effectiveCalls);
    const latest = [...rows].reverse().find((row) => row.attainment !== null);
    totals.push({
      userId,
      userName: rows[rows.length - 1]?.userName ?? userId,
      calls,
      effectiveCalls,
      shortCalls: sum((row) => row.shortCalls),
      sales: sum((row) => row.sales),
      revenue: sum((row) => row.revenue),
      effectiveShare: ratio(effectiveCalls, calls),
      attainment: latest?.attainment ?? null,
      anomalies: rows.filter((row) => row.anomaly).length,
      rows,
    });
  }
  return totals.sort((a, b) => a.userName.localeCompare(b.userName) || a.userId.localeCompare(b.userId));
}

export interface PeriodSeries {
  /** Start of each day (or week), oldest first. */
  starts: number[];
  calls: number[];
  effectiveCalls: number[];
  sales: number[];
}

/** Per day (or week): the team's figures, or one operator's when `userId` is given. */
export function periodSeries(report: OperatorReport, userId: string | null = null): PeriodSeries {
  const rows = report.rows.filter((row) => userId === null || row.userId === userId);
  const starts = [...new Set(rows.map((row) => row.periodStart))].sort((a, b) => a - b);
  const index = new Map(starts.map((start, i) => [start, i]));
  const series: PeriodSeries = {
    starts,
    calls: starts.map(() => 0),
    effectiveCalls: starts.map(() => 0),
    sales: starts.map(() => 0),
  };
  for (const row of rows) {
    const i = index.get(row.periodStart)!;
    series.calls[i]! += row.calls;
    series.effectiveCalls[i]! += row.effectiveCalls;
    series.sales[i]! += row.sales;
  }
  return series;
}

export interface TeamFigures {
  calls: number;
  effectiveCalls: number;
  sales: number;
  revenue: number;
  effectiveShare: number | null;
  /** Operators with at least one flagged day (or week). */
  flaggedOperators: number;
}

/** The headline figures of the whole report. */
export function teamFigures(report: OperatorReport): TeamFigures {
  const sum = (pick: (row: OperatorPeriodRow) => number) => report.rows.reduce((total, row) => total + pick(row), 0);
  const calls = sum((row) => row.calls);
  const effectiveCalls = sum((row) => row.effectiveCalls);
  return {
    calls,
    effectiveCalls,
    sales: sum((row) => row.sales),
    revenue: sum((row) => row.revenue),
    effectiveShare: ratio(effectiveCalls, calls),
    flaggedOperators: new Set(report.rows.filter((row) => row.anomaly).map((row) => row.userId)).size,
  };
}
