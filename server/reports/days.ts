// When a report may read the daily rollup call_days (server/sync/projection-days.ts) instead of the
// calls: its days are the organisation's, so the query's time zone must be the organisation's and
// every bound the report cuts at a local midnight in it (the console always sends such periods).
// Otherwise the report reads the calls, which answer any period exactly.
import type { Queryable } from '../db/database';
import { isLocalMidnight } from './period';

/** rollup: false makes a report read the calls even where call_days could answer (tests compare both). */
export interface ReportOptions {
  rollup?: boolean;
}

export async function rollupAnswers(
  tx: Queryable,
  orgId: string,
  tz: string,
  bounds: readonly number[],
  options: ReportOptions,
): Promise<boolean> {
  if (options.rollup === false || !bounds.every((at) => isLocalMidnight(at, tz))) return false;
  const [org] = await tx.query<{ time_zone: string }>('select time_zone from organisations where id = $1', [orgId]);
  return org?.time_zone === tz;
}
