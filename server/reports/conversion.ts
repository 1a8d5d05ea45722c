// `GET /reports/conversion?typeId=`: the calls of one type in the period ("new connection request",
// seed 003: about 90 of 100 such callers become subscribers) and how many of them recorded a
// `connection` outcome.
import type { ConversionReport } from '../../lib/schema/reports';
import type { Database } from '../db/database';
import type { ReportQuery } from './params';
import { readReport } from './read';
import { saleOutcomesSql } from './sales';
import { type ReportScope, SqlParams, scopeSql } from './scope';

/** The demo classifier's "connecting services" type (lib/classifier/defaults.ts). */
export const CONNECTION_TYPE_ID = 'connection';

export async function conversionReport(
  db: Database,
  scope: ReportScope,
  query: ReportQuery,
  typeId: string,
): Promise<ConversionReport> {
  const params = new SqlParams();
  const where = scopeSql(scope, params);
  const [row] = await readReport(db, (tx) =>
    tx.query<{ requests: number; connected: number }>(
      `select count(*) as requests,
            count(*) filter (where exists (
              select 1 from call_outcomes o
               where o.call_id = c.id
                 and ${saleOutcomesSql(params, where.org, query.from, query.to, 'o', ['connection'])})) as connected
       from calls c
      where ${where.sql} and c.type_id = ${params.add(typeId)}
        and c.started_at >= ${params.add(query.from)}::bigint and c.started_at < ${params.add(query.to)}::bigint`,
      params.values,
    ),
  );
  const requests = row?.requests ?? 0;
  const connected = row?.connected ?? 0;
  return { typeId, requests, connected, rate: requests === 0 ? null : connected / requests };
}
