// Who may see and publish which document. Reading: leads see organisation-wide documents and their
// teams'; trainers and admins all of their organisation; operators get content only through pull.
// Publishing: per kind (kinds.ts), a lead for their own teams, an admin for any team or org-wide,
// a trainer checklists for any team or org-wide.
import type { DocumentKind } from '../../lib/schema/api';
import type { AuthUser } from '../auth/context';
import type { Queryable } from '../db/database';
import { ApiFailure } from '../http/errors';
import { KINDS } from './kinds';

type Caller = Pick<AuthUser, 'role' | 'orgId' | 'teamIds'>;

export function assertMayRead(user: Caller): void {
  if (user.role === 'operator') throw new ApiFailure('forbidden', 'operators receive content through sync only');
}

/** Whether the caller may read a document of this team (null: organisation-wide). */
export function mayReadTeam(user: Caller, teamId: string | null): boolean {
  if (user.role === 'admin' || user.role === 'trainer') return true;
  if (user.role === 'lead') return teamId === null || user.teamIds.includes(teamId);
  return false;
}

/** A team of the caller's organisation (404 otherwise, also for another organisation's team). */
export async function assertTeamInOrg(db: Queryable, orgId: string, teamId: string | null): Promise<void> {
  if (teamId === null) return;
  const rows = await db.query('select 1 from teams where id = $1 and org_id = $2', [teamId, orgId]);
  if (rows.length === 0) throw new ApiFailure('not_found', 'no such team in this organisation');
}

/** Role first (403), then the team's organisation (404), then the publisher's own teams (403). */
export async function assertMayPublish(
  db: Queryable,
  user: Caller,
  kind: DocumentKind,
  teamId: string | null,
): Promise<void> {
  const { publishers, anyTeam } = KINDS[kind];
  if (!publishers.includes(user.role)) {
    throw new ApiFailure('forbidden', `publishing a ${kind} needs the role ${publishers.join(' or ')}`);
  }
  await assertTeamInOrg(db, user.orgId, teamId);
  if (anyTeam.includes(user.role)) return;
  if (teamId === null) {
    throw new ApiFailure('forbidden', `only the role ${anyTeam.join(' or ')} publishes the organisation-wide ${kind}`);
  }
  if (!user.teamIds.includes(teamId)) throw new ApiFailure('forbidden', `you may publish only for your own teams`);
}
