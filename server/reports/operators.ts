// `GET /reports/operators?period=day|week`: per operator and local day (or ISO week) the calls,
// effective calls (at least the plan's threshold long), short calls, sales and revenue, with plan
// attainment month-to-date and the "many calls, few reached" flag. The days are cut in JS
// (operator-buckets.ts, DST-correct) and every call is put in its bucket by one statement with
// width_bucket, the same SQL on PGlite and PostgreSQL; operator-rows.ts sums the buckets.
import type { OperatorReport } from '../../lib/schema/reports';
import type { Database, Queryable } from '../db/database';
import { type Bucket, operatorBuckets } from './operator-buckets';
import { type BucketFigures, operatorRows, SHORT_CALL_MS } from './operator-rows';
import type { ReportQuery } from './params';
import { localDate, monthKey } from './period';
import { loadMonthPlans } from './plans';
import { readReport } from './read';
import { saleOutcomesSql } from './sales';
import { type ReportScope, SqlParams, scopeSql } from './scope';

export type OperatorPeriod = OperatorReport['period'];

interface Row {
  user_id: string;
  user_name: string;
  bucket: number;
  calls: number;
  effective_calls: number;
  short_calls: number;
  sales: number;
  revenue: number;
}

export async function operatorReport(
  db: Database,
  scope: ReportScope,
  query: ReportQuery,
  period: OperatorPeriod,
): Promise<OperatorReport> {
  const buckets = operatorBuckets(query.from, query.to, query.tz);
  const months = [...new Set(buckets.map((b) => b.month))];
  return readReport(db, async (tx) => {
    const plans = await loadMonthPlans(tx, scope.orgId, months, scope.teamIds);
    const effectiveCallMs = plans.effectiveCallMs(monthKey(localDate(query.from, query.tz)));
    const figures = await bucketFigures(tx, scope, buckets, query.to, effectiveCallMs);
    return {
      period,
      effectiveCallMs,
      rows: operatorRows({
        buckets,
        figures,
        from: query.from,
        to: query.to,
        period,
        targetOf: (userId, month) => plans.targetOf(userId, month),
      }),
    };
  });
}

/** Calls, effective and short calls, sales and revenue per operator and bucket, in one statement. */
async function bucketFigures(
  tx: Queryable,
  scope: ReportScope,
  buckets: readonly Bucket[],
  to: number,
  effectiveCallMs: number,
): Promise<BucketFigures[]> {
  const params = new SqlParams();
  const where = scopeSql(scope, params);
  const boundaries = params.add(buckets.map((b) => b.start));
  const inPeriod = `c.started_at >= ${params.add(buckets[0]!.start)}::bigint and c.started_at < ${params.add(to)}::bigint`;
  // The join with the numbered boundaries is width_bucket's answer as a column the planner can
  // count (a few hundred values, not one per call), so it picks a parallel hash aggregate.
  const rows = await tx.query<Row>(
    `with per_call as (
       select c.user_id, d.n as bucket, count(*) as calls,
              count(*) filter (where c.duration_ms >= ${params.add(effectiveCallMs)}::bigint) as effective_calls,
              count(*) filter (where c.duration_ms < ${params.add(SHORT_CALL_MS)}::bigint) as short_calls
         from calls c
         join unnest(${boundaries}::bigint[]) with ordinality as d(start, n)
           on d.n = width_bucket(c.started_at, ${boundaries}::bigint[])
        where ${where.sql} and ${inPeriod}
        group by c.user_id, d.n
     ),
     sold as (
       select c.user_id, width_bucket(c.started_at, ${boundaries}::bigint[]) as bucket,
              count(*) as sales, sum(s.revenue) as revenue
         from (select o.call_id, sum(o.monthly) as revenue from call_outcomes o
                where ${saleOutcomesSql(params, where.org, buckets[0]!.start)}
                group by o.call_id) s
         join calls c on c.id = s.call_id
        where ${where.sql} and ${inPeriod}
        group by 1, 2
     )
     select p.user_id, u.name as user_name, p.bucket, p.calls, p.effective_calls, p.short_calls,
            coalesce(x.sales, 0) as sales, coalesce(x.revenue, 0) as revenue
       from per_call p join users u on u.id = p.user_id
       left join sold x on x.user_id = p.user_id and x.bucket = p.bucket`,
    params.values,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    userName: r.user_name,
    bucket: r.bucket - 1,
    calls: r.calls,
    effectiveCalls: r.effective_calls,
    shortCalls: r.short_calls,
    sales: r.sales,
    revenue: r.revenue,
  }));
}
