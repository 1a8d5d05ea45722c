// `GET /reports/operators?period=day|week`: per operator and local day (or ISO week) the calls,
// effective calls (at least the plan's threshold long), short calls, sales (sale outcomes, counted
// as the operator's panel counts them) and revenue, with plan attainment month-to-date and the "many
// calls, few reached" flag. The days are cut in JS (operator-buckets.ts, DST-correct). When the daily
// rollup call_days answers the period and the threshold exactly (days.ts, projection-days.ts), each
// rollup day is its bucket; otherwise every call is put in its bucket by one statement with
// width_bucket, the same SQL on PGlite and PostgreSQL. operator-rows.ts sums the buckets.
import type { OperatorReport } from '../../lib/schema/reports';
import type { Database, Queryable } from '../db/database';
import { atLeastIndex } from '../sync/projection-days';
import { type ReportOptions, rollupAnswers } from './days';
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
  options: ReportOptions = {},
): Promise<OperatorReport> {
  const buckets = operatorBuckets(query.from, query.to, query.tz);
  const months = [...new Set(buckets.map((b) => b.month))];
  return readReport(db, async (tx) => {
    const plans = await loadMonthPlans(tx, scope.orgId, months, scope.teamIds);
    const effectiveCallMs = plans.effectiveCallMs(monthKey(localDate(query.from, query.tz)));
    const effectiveIndex = atLeastIndex(effectiveCallMs);
    const fromDays =
      effectiveIndex !== null &&
      (await rollupAnswers(tx, scope.orgId, query.tz, [buckets[0]!.start, query.from, query.to], options));
    const figures = fromDays
      ? await dayFigures(tx, scope, buckets, query.to, effectiveIndex)
      : await bucketFigures(tx, scope, buckets, query.to, effectiveCallMs);
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
  const sold = scopeSql(scope, params, 'o');
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
       select o.user_id, width_bucket(o.call_started_at, ${boundaries}::bigint[]) as bucket,
              count(*) as sales, sum(o.monthly) as revenue
         from call_outcomes o
        where ${saleOutcomesSql(params, sold.org, buckets[0]!.start, to)} and ${sold.sql}
        group by 1, 2
     )
     select p.user_id, u.name as user_name, p.bucket, p.calls, p.effective_calls, p.short_calls,
            coalesce(x.sales, 0) as sales, coalesce(x.revenue, 0) as revenue
       from per_call p join users u on u.id = p.user_id
       left join sold x on x.user_id = p.user_id and x.bucket = p.bucket`,
    params.values,
  );
  return rows.map(figuresOf);
}

/**
 * The same figures from call_days: every bucket is a whole local day there (the period's bounds are
 * local midnights), so a rollup day falls in exactly one bucket. `effectiveIndex` is the at_least
 * element of the plan's threshold (0: every ended call).
 */
async function dayFigures(
  tx: Queryable,
  scope: ReportScope,
  buckets: readonly Bucket[],
  to: number,
  effectiveIndex: number,
): Promise<BucketFigures[]> {
  const params = new SqlParams();
  const where = scopeSql(scope, params, 'd');
  const boundaries = params.add(buckets.map((b) => b.start));
  const effective = effectiveIndex === 0 ? 'd.ended' : `d.at_least[${effectiveIndex}]`;
  const rows = await tx.query<Row>(
    `with per_day as (
       select d.user_id, width_bucket(d.day_start, ${boundaries}::bigint[]) as bucket, sum(d.calls) as calls,
              sum(${effective}) as effective_calls, sum(d.ended - d.at_least[${SHORT_INDEX}]) as short_calls,
              sum(d.sales) as sales, sum(d.revenue) as revenue
         from call_days d
        where ${where.sql} and d.day_start >= ${params.add(buckets[0]!.start)}::bigint
          and d.day_start < ${params.add(to)}::bigint
        group by 1, 2
       having sum(d.calls) <> 0
     )
     select p.user_id, u.name as user_name, p.bucket, p.calls, p.effective_calls, p.short_calls, p.sales, p.revenue
       from per_day p join users u on u.id = p.user_id`,
    params.values,
  );
  return rows.map(figuresOf);
}

/** Short calls from call_days: ended ones not lasting SHORT_CALL_MS (a whole number of its steps). */
const SHORT_INDEX = atLeastIndex(SHORT_CALL_MS)!;

function figuresOf(r: Row): BucketFigures {
  return {
    userId: r.user_id,
    userName: r.user_name,
    bucket: r.bucket - 1,
    calls: r.calls,
    effectiveCalls: r.effective_calls,
    shortCalls: r.short_calls,
    sales: r.sales,
    revenue: r.revenue,
  };
}
