// `GET /reports/mix`: calls per type (the call's last tag, calls.type_id) in the period and in the
// period of the same length just before it. From the daily rollup call_days when it answers the
// period (days.ts: the organisation's time zone, bounds at local midnights), else one pass over
// calls_org_started, whose INCLUDE columns (type_id, user_id, team_id) make it an index-only scan
// where the planner prefers the index. Both give the same counts.
import type { MixReport } from '../../lib/schema/reports';
import type { Database } from '../db/database';
import { type ReportOptions, rollupAnswers } from './days';
import { mixRows } from './mix-rows';
import type { ReportQuery } from './params';
import { readReport } from './read';
import { type ReportScope, SqlParams, scopeSql } from './scope';

interface Row {
  type_id: string | null;
  calls: number;
  previous_calls: number;
}

export async function mixReport(
  db: Database,
  scope: ReportScope,
  query: ReportQuery,
  options: ReportOptions = {},
): Promise<MixReport> {
  const previousFrom = Math.max(0, query.from - (query.to - query.from));
  const counts = await readReport(db, async (tx) => {
    const fromDays = await rollupAnswers(tx, scope.orgId, query.tz, [previousFrom, query.from, query.to], options);
    // The same statement over either table: call_days sums its calls per day, calls counts rows.
    const [table, alias, at, counted] = fromDays
      ? ['call_days', 'd', 'd.day_start', 'd.calls']
      : ['calls', 'c', 'c.started_at', '1'];
    const params = new SqlParams();
    const where = scopeSql(scope, params, alias);
    const from = params.add(query.from);
    const sql = `select ${alias}.type_id, coalesce(sum(${counted}) filter (where ${at} >= ${from}::bigint), 0) as calls,
            coalesce(sum(${counted}) filter (where ${at} < ${from}::bigint), 0) as previous_calls
       from ${table} ${alias}
      where ${where.sql}
        and ${at} >= ${params.add(previousFrom)}::bigint and ${at} < ${params.add(query.to)}::bigint
      group by ${alias}.type_id
     having sum(${counted}) <> 0`;
    return tx.query<Row>(sql, params.values);
  });
  const { total, previousTotal, rows } = mixRows(
    counts.map((r) => ({ typeId: r.type_id, calls: r.calls, previousCalls: r.previous_calls })),
  );
  const untagged = rows.find((r) => r.typeId === null);
  return {
    from: query.from,
    to: query.to,
    previousFrom,
    total,
    previousTotal,
    untaggedShare: untagged?.share ?? 0,
    rows,
  };
}
