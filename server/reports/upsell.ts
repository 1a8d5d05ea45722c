// `GET /reports/upsell?by=type|operator`: per call type (or operator) the calls of the period, how
// many had an offer (a script module with an outcome), how many were accepted, how many ended with
// at least one sale (a conversion figure: calls, not outcomes, unlike the operator report's sales)
// and the monthly revenue those sales add. Offers are read from calls.script, so
// this reads the call rows themselves (no covering index); sales come from call_outcomes.
import type { UpsellReport, UpsellRow } from '../../lib/schema/reports';
import type { Database } from '../db/database';
import type { ReportQuery } from './params';
import { readReport } from './read';
import { saleOutcomesSql } from './sales';
import { type ReportScope, SqlParams, scopeSql } from './scope';

export type UpsellBy = UpsellReport['by'];

interface Row {
  key: string | null;
  user_name: string | null;
  calls: number;
  offered: number;
  accepted: number;
  sales: number;
  revenue: number;
}

export async function upsellReport(
  db: Database,
  scope: ReportScope,
  query: ReportQuery,
  by: UpsellBy,
): Promise<UpsellReport> {
  const params = new SqlParams();
  const where = scopeSql(scope, params);
  const key = by === 'type' ? 'c.type_id' : 'c.user_id';
  const rows = await readReport(db, (tx) =>
    tx.query<Row>(
      `with sold as (
       select o.call_id, sum(o.monthly) as revenue
         from call_outcomes o
        where ${saleOutcomesSql(params, where.org, query.from, query.to)}
        group by o.call_id
     )
     select ${key} as key, ${by === 'operator' ? 'min(u.name)' : 'null'} as user_name, count(*) as calls,
            count(*) filter (where jsonb_path_exists(c.script, '$.modules[*] ? (@.outcome != null)')) as offered,
            count(*) filter (where c.script @> '{"modules":[{"outcome":"accepted"}]}'::jsonb) as accepted,
            count(s.call_id) as sales, coalesce(sum(s.revenue), 0) as revenue
       from calls c
       left join sold s on s.call_id = c.id
       ${by === 'operator' ? 'join users u on u.id = c.user_id' : ''}
      where ${where.sql}
        and c.started_at >= ${params.add(query.from)}::bigint and c.started_at < ${params.add(query.to)}::bigint
      group by ${key}`,
      params.values,
    ),
  );
  const result: UpsellRow[] = rows.map((r) => ({
    key: r.key,
    // Types are named by the console from the classifier (in the reader's language); '' is untagged.
    label: by === 'operator' ? (r.user_name ?? '') : (r.key ?? ''),
    calls: r.calls,
    offered: r.offered,
    accepted: r.accepted,
    sales: r.sales,
    revenue: r.revenue,
  }));
  result.sort(
    (a, b) =>
      b.calls - a.calls ||
      (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
      a.label.localeCompare(b.label) ||
      (a.key ?? '').localeCompare(b.key ?? ''),
  );
  return { by, rows: result };
}
