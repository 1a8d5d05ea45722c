// `GET /reports/tariff-mix`: how many tariffs of each catalogue item were sold (new connections and
// upgrades) on the calls of the period, so the panel can warn about a skew towards cheap tariffs
// (DOMAIN.md, "Plan"). Outcomes without an item id (typed in by hand) are left out. Aggregate counts
// only, no one named: operators read their own teams' mix too (scope.ts). call_outcomes carries the
// call's owner and start, so this reads one range of call_outcomes_org_started and no calls.
import type { TariffMixReport } from '../../lib/schema/reports';
import type { Database } from '../db/database';
import type { ReportQuery } from './params';
import { readReport } from './read';
import { saleOutcomesSql, TARIFF_KINDS } from './sales';
import { type ReportScope, SqlParams, scopeSql } from './scope';

export async function tariffMixReport(db: Database, scope: ReportScope, query: ReportQuery): Promise<TariffMixReport> {
  const params = new SqlParams();
  const where = scopeSql(scope, params, 'o');
  const rows = await readReport(db, (tx) =>
    tx.query<{ item_id: string; kind: string; sales: number }>(
      `select o.item_id, o.kind, count(*) as sales
       from call_outcomes o
      where ${saleOutcomesSql(params, where.org, query.from, query.to, 'o', TARIFF_KINDS)} and o.item_id is not null
        and ${where.sql}
      group by o.item_id, o.kind
      order by sales desc, o.kind, o.item_id`,
      params.values,
    ),
  );
  return { rows: rows.map((r) => ({ itemId: r.item_id, kind: r.kind, sales: r.sales })) };
}
