// The call-type mix's arithmetic, pure: shares of a period and of the period before it, and the
// drift flag a lead acts on (seed 003: a spike of "internet down" calls is likely an outage).
import type { MixRow } from '../../lib/schema/reports';

/**
 * Drift: the type's share moved by at least DRIFT_POINTS percentage points AND by at least
 * DRIFT_RELATIVE_PERCENT of its previous share (a type new in the period has moved infinitely),
 * AND the type has at least DRIFT_MIN_CALLS calls in the period, so a handful of calls in a quiet
 * week never raises it. Both directions count: a share that collapses is news too. Without calls in
 * the previous period there is nothing to compare with, so nothing drifts.
 */
export const DRIFT_POINTS = 5;
export const DRIFT_RELATIVE_PERCENT = 50;
export const DRIFT_MIN_CALLS = 20;

export interface TypeCounts {
  typeId: string | null;
  calls: number;
  previousCalls: number;
}

const shareOf = (part: number, total: number) => (total === 0 ? 0 : part / total);

/**
 * The drift rule on counts, in integers so a share exactly on a threshold counts (0.15 − 0.10 is
 * 0.04999… in floating point): with s = calls/total and p = previous/previousTotal,
 * |s − p| = |calls·previousTotal − previous·total| / (total·previousTotal).
 */
export function isDrift(calls: number, total: number, previousCalls: number, previousTotal: number): boolean {
  if (calls < DRIFT_MIN_CALLS || previousTotal === 0) return false;
  const moved = Math.abs(calls * previousTotal - previousCalls * total);
  return (
    100 * moved >= DRIFT_POINTS * total * previousTotal && 100 * moved >= DRIFT_RELATIVE_PERCENT * previousCalls * total
  );
}

/** Rows by calls in the period (most first), then the previous period, then type id (untagged last). */
export function mixRows(counts: readonly TypeCounts[]): { total: number; previousTotal: number; rows: MixRow[] } {
  const total = counts.reduce((sum, c) => sum + c.calls, 0);
  const previousTotal = counts.reduce((sum, c) => sum + c.previousCalls, 0);
  const rows = counts.map((c) => {
    const share = shareOf(c.calls, total);
    const previousShare = shareOf(c.previousCalls, previousTotal);
    return { ...c, share, previousShare, drift: isDrift(c.calls, total, c.previousCalls, previousTotal) };
  });
  rows.sort(
    (a, b) =>
      b.calls - a.calls ||
      b.previousCalls - a.previousCalls ||
      (a.typeId === null ? 1 : 0) - (b.typeId === null ? 1 : 0) ||
      (a.typeId ?? '').localeCompare(b.typeId ?? ''),
  );
  return {
    total,
    previousTotal,
    rows: rows.map(({ typeId, calls, share, previousCalls, previousShare, drift }) => ({
      typeId,
      calls,
      share,
      previousCalls,
      previousShare,
      drift,
    })),
  };
}
