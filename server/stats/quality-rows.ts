// The quality report's arithmetic, pure: scored calls grouped per operator and ISO week (Monday
// 00:00 UTC), the mean lead score beside the mean self-check on the same calls. Both scores count
// a failed critical item as 0 (the call failed), so the two numbers compare like for like.
import type { QualityRow } from '../../lib/schema/api';

const DAY_MS = 24 * 3600_000;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday; the first Monday after it is 4 days later. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** Monday 00:00 UTC of the ISO week holding `at` (epoch ms). */
export function weekStart(at: number): number {
  return at - ((((at - FIRST_MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS);
}

export interface ScoredCall {
  userId: string;
  userName: string;
  startedAt: number;
  /** The lead's result. */
  lead: { percent: number; passed: boolean };
  /** The operator's self-check result on the same version; null when they marked nothing. */
  self: { percent: number; passed: boolean } | null;
}

/** A result as the report counts it: a failed call scores 0. */
export function effectivePercent(result: { percent: number; passed: boolean }): number {
  return result.passed ? result.percent : 0;
}

const mean = (values: number[]) =>
  values.length === 0 ? null : Math.round((10 * values.reduce((sum, v) => sum + v, 0)) / values.length) / 10;

/** One row per operator and week with scored calls, by week then operator name. */
export function qualityRows(calls: readonly ScoredCall[]): QualityRow[] {
  const groups = new Map<
    string,
    { row: Omit<QualityRow, 'leadPercent' | 'selfPercent'>; lead: number[]; self: number[] }
  >();
  for (const call of calls) {
    const week = weekStart(call.startedAt);
    const key = `${call.userId}|${week}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        row: { userId: call.userId, userName: call.userName, weekStart: week, scored: 0, failed: 0 },
        lead: [],
        self: [],
      };
      groups.set(key, group);
    }
    group.row.scored += 1;
    if (!call.lead.passed) group.row.failed += 1;
    group.lead.push(effectivePercent(call.lead));
    if (call.self) group.self.push(effectivePercent(call.self));
  }
  return [...groups.values()]
    .map(({ row, lead, self }) => ({ ...row, leadPercent: mean(lead), selfPercent: mean(self) }))
    .sort(
      (a, b) =>
        a.weekStart - b.weekStart ||
        a.userName.localeCompare(b.userName) ||
        (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    );
}
