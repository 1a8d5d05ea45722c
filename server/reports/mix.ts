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
    const params = new SqlParams();
    const alias = fromDays ? 'd' : 'c';
    const where = scopeSql(scope, params, alias);
    const from = params.add(query.from);
    const range = `${params.add(previousFrom)}::bigint and ${alias}.${fromDays ? 'day_start' : 'started_at'} < ${params.add(query.to)}::bigint`;
    const sql = fromDays
      ? `select d.type_id, coalesce(sum(d.calls) filter (where d.day_start >= ${from}::bigint), 0) as calls,
              coalesce(sum(d.calls) filter (where d.day_start < ${from}::bigint), 0) as previous_calls
         from call_days d
        where ${where.sql} and d.day_start >= ${range}
        group by d.type_id
       having sum(d.calls) <> 0`
      : `select c.type_id, count(*) filter (where c.started_at >= ${from}::bigint) as calls,
              count(*) filter (where c.started_at < ${from}::bigint) as previous_calls
         from calls c
        where ${where.sql} and c.started_at >= ${range}
        group by c.type_id`;
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
