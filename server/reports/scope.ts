// Which calls a report counts (R22): always the caller's organisation; a lead their own teams (all of
// them, or the one asked for), an admin the whole organisation or one team. A team is counted like
// the calls list counts it (server/calls/queries.ts): calls made in the team, or by a user now in
// it. A team of another organisation is a 404, another team of one's own organisation a 403.
// Operators read only the reports that name no one (the tariff mix), over their own teams, like a
// lead; the route decides which reports those are (routes.ts).
import type { Caller } from '../calls/queries';
import type { Queryable } from '../db/database';
import { assertTeamInOrg } from '../documents/access';
import { ApiFailure } from '../http/errors';

export interface ReportScope {
  orgId: string;
  /** null: the whole organisation. */
  teamIds: string[] | null;
}

/** Who may read which reports: `team` reports (aggregates only) also operators. */
export type ReportAudience = 'leads' | 'team';

export async function reportScope(
  db: Queryable,
  user: Caller,
  teamId: string | null,
  audience: ReportAudience = 'leads',
): Promise<ReportScope> {
  const ownTeams = user.role === 'lead' || (audience === 'team' && user.role === 'operator');
  if (!ownTeams && user.role !== 'admin') {
    throw new ApiFailure(
      'forbidden',
      audience === 'team' ? 'this report is for operators, leads and admins' : 'reports are for leads and admins',
    );
  }
  if (teamId !== null) {
    await assertTeamInOrg(db, user.orgId, teamId);
    if (ownTeams && !user.teamIds.includes(teamId)) {
      throw new ApiFailure('forbidden', `teamId: a ${user.role} sees the reports of their own teams only`);
    }
    return { orgId: user.orgId, teamIds: [teamId] };
  }
  return { orgId: user.orgId, teamIds: user.role === 'admin' ? null : [...user.teamIds] };
}

/** Positional parameters collected while a statement is written: `add` returns the `$n` to use. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The scope as a condition on `alias` (a table with org_id, user_id and team_id); `org` is the
 * placeholder of the organisation id, so a statement can reuse it for other tables.
 */
export function scopeSql(scope: ReportScope, params: SqlParams, alias = 'c'): { sql: string; org: string } {
  const org = params.add(scope.orgId);
  if (scope.teamIds === null) return { sql: `${alias}.org_id = ${org}`, org };
  const teams = params.add(scope.teamIds);
  return {
    sql: `${alias}.org_id = ${org} and (${alias}.team_id = any(${teams}::text[])
      or ${alias}.user_id in (select ut.user_id from user_teams ut where ut.team_id = any(${teams}::text[])))`,
    org,
  };
}
