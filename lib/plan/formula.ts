// The department plan's formula (DOMAIN.md "Plan, control and pay", seed 000): expected new
// connections × average check × (1 + uplift), and the two ways the console suggests the expected
// connections from past months. Pure arithmetic; the console shows the inputs beside the result.
import * as z from 'zod/mini';
import { type PlanFormula, PlanMonth } from '../schema/plan';

/**
 * Money and counts are whole units, so the product is rounded half up. It is first cut to 15
 * significant digits: binary fractions turn 50 × 1.15 into 57.49999999999999, and the plan a lead
 * checks by hand says 58.
 */
export function planRevenue(formula: PlanFormula): number {
  const raw = formula.expectedConnections * formula.averageCheck * (1 + formula.uplift);
  return Math.round(Number(raw.toPrecision(15)));
}

function roundedMean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return Math.round(sum / values.length);
}

/** Rounded mean of the monthly fees of new connections; 0 when there are none. */
export function averageCheck(amounts: readonly number[]): number {
  return amounts.length === 0 ? 0 : roundedMean(amounts);
}

/** `month` moved by `delta` calendar months (`2026-01`, -1 → `2025-12`). */
export function addMonths(month: string, delta: number): string {
  const parsed = PlanMonth.safeParse(month);
  if (!parsed.success) throw new RangeError(`not a month: ${month}`);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

const HistoryRow = z.object({
  month: PlanMonth,
  connections: z.number().check(z.nonnegative()),
});
const History = z.array(HistoryRow);

/** How many months `recent_average` looks back. */
export const RECENT_MONTHS = 3;

/**
 * The expected new connections for `month` from the history of past months:
 * - `last_year`: the connections of the same month one year before (seasonality);
 * - `recent_average`: the rounded mean over those of the 3 months before `month` that the history has.
 * Null when the history has none of the months needed. A month listed twice counts by its last row.
 */
export function expectedConnections(
  history: readonly { month: string; connections: number }[],
  month: string,
  source: 'last_year' | 'recent_average',
): number | null {
  const rows = History.parse(history);
  const byMonth = new Map(rows.map((row) => [row.month, row.connections]));
  if (source === 'last_year') return byMonth.get(addMonths(month, -12)) ?? null;
  const found: number[] = [];
  for (let back = 1; back <= RECENT_MONTHS; back++) {
    const connections = byMonth.get(addMonths(month, -back));
    if (connections !== undefined) found.push(connections);
  }
  return found.length === 0 ? null : roundedMean(found);
}
