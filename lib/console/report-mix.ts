// The call-type mix as the stand-up reads it (seed 003's table): one line per call type with its
// name, calls and share now and in the period before, the change in percentage points, and the
// drift flag; in the classifier's order, untagged calls last. Pure.
import type { MixReport } from '../schema/reports';

export interface MixLine {
  typeId: string | null;
  name: string;
  calls: number;
  share: number;
  previousCalls: number;
  previousShare: number;
  /** share − previousShare, 0–1 (percentage points / 100). */
  change: number;
  drift: boolean;
}

/**
 * `order`: the call type ids in the classifier's order (types it does not list follow by share).
 * `nameOf`: the type's name in the reader's language; null is the untagged calls.
 */
export function mixLines(
  report: MixReport,
  order: readonly string[],
  nameOf: (typeId: string | null) => string,
): MixLine[] {
  const position = new Map(order.map((id, index) => [id, index]));
  const rank = (typeId: string | null) =>
    typeId === null ? Number.MAX_SAFE_INTEGER : (position.get(typeId) ?? Number.MAX_SAFE_INTEGER - 1);
  return [...report.rows]
    .sort((a, b) => rank(a.typeId) - rank(b.typeId) || b.share - a.share)
    .map((row) => ({
      typeId: row.typeId,
      name: nameOf(row.typeId),
      calls: row.calls,
      share: row.share,
      previousCalls: row.previousCalls,
      previousShare: row.previousShare,
      change: row.share - row.previousShare,
      drift: row.drift,
    }));
}

/** The lines whose share jumped: what the alert above the table names. */
export function driftLines(lines: readonly MixLine[]): MixLine[] {
  return lines.filter((line) => line.drift);
}
