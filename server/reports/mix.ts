// `GET /reports/mix`: calls per type (the call's last tag, calls.type_id) in the period and in the
// period of the same length just before it. One pass over calls_org_started, whose INCLUDE columns
// (type_id, user_id, team_id) make it an index-only scan where the planner prefers the index.
import type { MixReport } from '../../lib/schema/reports';
import type { Database } from '../db/database';
import { mixRows } from './mix-rows';
import type { ReportQuery } from './params';
import { readReport } from './read';
import { type ReportScope, SqlParams, scopeSql } from './scope';

export async function mixReport(db: Database, scope: ReportScope, query: ReportQuery): Promise<MixReport> {
  const previousFrom = Math.max(0, query.from - (query.to - query.from));
  const params = new SqlParams();
  const where = scopeSql(scope, params);
  const from = params.add(query.from);
  const counts = await readReport(db, (tx) =>
    tx.query<{ type_id: string | null; calls: number; previous_calls: number }>(
      `select c.type_id, count(*) filter (where c.started_at >= ${from}::bigint) as calls,
            count(*) filter (where c.started_at < ${from}::bigint) as previous_calls
       from calls c
      where ${where.sql}
        and c.started_at >= ${params.add(previousFrom)}::bigint and c.started_at < ${params.add(query.to)}::bigint
      group by c.type_id`,
      params.values,
    ),
  );
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
