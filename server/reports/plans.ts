// The month's plans the operator report measures against: for each (team or org-wide) `plan`
// document, the newest version whose month is the one asked for. An operator's plan comes from a
// team document that lists them (their teams; the most recently published first), else from the
// organisation-wide one; none: no attainment. The effective-call threshold of a report comes from
// the plan of the one team it covers, else the organisation's, else the default (20 s).
import { DEFAULT_EFFECTIVE_CALL_MS } from '../../lib/plan/defaults';
import { type OperatorPlan, PlanDocument, type PlanMeasure } from '../../lib/schema/plan';
import type { Queryable } from '../db/database';

interface PublishedPlan {
  teamId: string | null;
  publishedAt: number;
  plan: PlanDocument;
}

export interface OperatorTarget {
  measure: PlanMeasure;
  /** The operator's target for the month in `measure`. */
  target: number;
}

export interface MonthPlans {
  /** The operator's target for `month` (`YYYY-MM`); null without a plan listing them. */
  targetOf(userId: string, month: string): OperatorTarget | null;
  /** The report's effective-call threshold for `month`. */
  effectiveCallMs(month: string): number;
}

const TARGET_OF: Record<PlanMeasure, (p: OperatorPlan) => number> = {
  revenue: (p) => p.revenue,
  sales: (p) => p.sales,
  effective_calls: (p) => p.effectiveCalls,
};

/**
 * Loads the plans of `months` for the organisation, and who is in which team (which team plan
 * applies to whom); `teamIds` are the report's teams (null: the whole organisation).
 */
export async function loadMonthPlans(
  db: Queryable,
  orgId: string,
  months: readonly string[],
  teamIds: readonly string[] | null,
): Promise<MonthPlans> {
  const versions = await db.query<{ team_id: string | null; version: number; published_at: number; body: unknown }>(
    `select d.team_id, v.version, v.published_at, v.body
       from document_versions v join documents d on d.id = v.document_id
      where d.org_id = $1 and d.kind = 'plan' and v.body ->> 'month' = any($2::text[])
      order by v.version desc`,
    [orgId, [...months]],
  );
  // The newest version per (document, month): rows come newest first.
  const newest = new Map<string, PublishedPlan>();
  for (const row of versions) {
    const parsed = PlanDocument.safeParse(row.body);
    if (!parsed.success) continue;
    const key = `${row.team_id ?? ''}|${parsed.data.month}`;
    if (!newest.has(key)) newest.set(key, { teamId: row.team_id, publishedAt: row.published_at, plan: parsed.data });
  }
  const memberships = await db.query<{ user_id: string; team_id: string }>(
    'select ut.user_id, ut.team_id from user_teams ut join teams t on t.id = ut.team_id where t.org_id = $1',
    [orgId],
  );
  const teamsOf = new Map<string, string[]>();
  for (const m of memberships) {
    const list = teamsOf.get(m.user_id);
    if (list) list.push(m.team_id);
    else teamsOf.set(m.user_id, [m.team_id]);
  }

  const planOf = (teamId: string | null, month: string) => newest.get(`${teamId ?? ''}|${month}`);

  return {
    targetOf(userId, month) {
      const teamPlans = (teamsOf.get(userId) ?? [])
        .map((teamId) => planOf(teamId, month))
        .filter((p): p is PublishedPlan => p !== undefined)
        .sort((a, b) => b.publishedAt - a.publishedAt);
      const orgPlan = planOf(null, month);
      for (const published of [...teamPlans, ...(orgPlan ? [orgPlan] : [])]) {
        const mine = published.plan.operators.find((o) => o.userId === userId);
        if (mine) return { measure: published.plan.pay.measure, target: TARGET_OF[published.plan.pay.measure](mine) };
      }
      return null;
    },
    effectiveCallMs(month) {
      const team = teamIds?.length === 1 ? planOf(teamIds[0]!, month) : undefined;
      return (team ?? planOf(null, month))?.plan.effectiveCallMs ?? DEFAULT_EFFECTIVE_CALL_MS;
    },
  };
}
