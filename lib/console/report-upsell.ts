// Upsell per call type or per operator: how often an offer was made on the calls, how often it was
// accepted, sales and revenue, with the rates the table shows. Pure.
import type { UpsellRow } from '../schema/reports';
import { ratio } from './report-format';

export interface UpsellLine extends UpsellRow {
  /** offered / calls. */
  offerRate: number | null;
  /** accepted / offered. */
  acceptRate: number | null;
}

export interface UpsellTotals {
  calls: number;
  offered: number;
  accepted: number;
  sales: number;
  revenue: number;
  offerRate: number | null;
  acceptRate: number | null;
}

/** Lines with their rates, most offers first. */
export function upsellLines(rows: readonly UpsellRow[]): UpsellLine[] {
  return [...rows]
    .sort((a, b) => b.offered - a.offered || b.calls - a.calls)
    .map((row) => ({ ...row, offerRate: ratio(row.offered, row.calls), acceptRate: ratio(row.accepted, row.offered) }));
}

export function upsellTotals(rows: readonly UpsellRow[]): UpsellTotals {
  const sum = (pick: (row: UpsellRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const calls = sum((row) => row.calls);
  const offered = sum((row) => row.offered);
  const accepted = sum((row) => row.accepted);
  return {
    calls,
    offered,
    accepted,
    sales: sum((row) => row.sales),
    revenue: sum((row) => row.revenue),
    offerRate: ratio(offered, calls),
    acceptRate: ratio(accepted, offered),
  };
}
