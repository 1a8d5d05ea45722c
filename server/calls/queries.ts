// Reading the derived call rows within what the caller may see (R22): an operator their own calls,
// a lead the calls of their teams (made in one of those teams, or by a user now in one of them),
// trainers and admins their whole organisation. Every query filters by the caller's organisation.
import type { CallView } from '../../lib/schema/api';
import type { CallDirection, CallScript, CallSource, CallTag, SubscriberContext } from '../../lib/schema/call';
import type { AuthUser } from '../auth/context';
import type { Queryable } from '../db/database';

export interface CallFilter {
  from: number | null;
  to: number | null;
  userId: string | null;
  limit: number;
}

export type Caller = Pick<AuthUser, 'id' | 'role' | 'orgId' | 'teamIds'>;

/**
 * SQL condition on `calls c` for what the caller may see, with its parameters as $1.. (PostgreSQL
 * refuses parameters a statement does not use, so each role binds only its own). `alias` applies
 * the same rule to another table with org_id, user_id and team_id (feedback, call_objections).
 */
export function visibleCalls(user: Caller, alias = 'c'): { sql: string; params: unknown[] } {
  switch (user.role) {
    case 'operator':
      return { sql: `${alias}.org_id = $1 and ${alias}.user_id = $2`, params: [user.orgId, user.id] };
    case 'lead':
      return {
        sql: `${alias}.org_id = $1 and (${alias}.team_id = any($2::text[])
          or ${alias}.user_id in (select ut.user_id from user_teams ut where ut.team_id = any($2::text[])))`,
        params: [user.orgId, user.teamIds],
      };
    default:
      return { sql: `${alias}.org_id = $1`, params: [user.orgId] };
  }
}

interface CallRow {
  id: string;
  user_id: string;
  user_name: string;
  team_id: string | null;
  device_id: string;
  started_at: number;
  ended_at: number | null;
  duration_ms: number | null;
  direction: CallDirection;
  source: CallSource;
  caller_number: string | null;
  subscriber: SubscriberContext;
  versions: Record<string, string | number>;
  tags: CallTag[];
  script: CallScript;
  scored: boolean;
  updated_at: number;
}

const CALL_COLUMNS = `c.id, c.user_id, u.name as user_name, c.team_id, c.device_id, c.started_at, c.ended_at,
  c.duration_ms, c.direction, c.source, c.caller_number, c.subscriber, c.versions, c.tags, c.script,
  exists (select 1 from call_scores s where s.call_id = c.id) as scored, c.updated_at`;

function toView(r: CallRow): CallView {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    teamId: r.team_id,
    deviceId: r.device_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: r.duration_ms,
    direction: r.direction,
    source: r.source,
    callerNumber: r.caller_number,
    subscriber: r.subscriber,
    versions: r.versions,
    tags: r.tags,
    script: r.script,
    scored: r.scored,
    updatedAt: r.updated_at,
  };
}

export async function listCalls(db: Queryable, user: Caller, filter: CallFilter): Promise<CallView[]> {
  const scope = visibleCalls(user);
  const n = scope.params.length;
  const rows = await db.query<CallRow>(
    `select ${CALL_COLUMNS}
       from calls c join users u on u.id = c.user_id
      where ${scope.sql}
        and ($${n + 1}::bigint is null or c.started_at >= $${n + 1})
        and ($${n + 2}::bigint is null or c.started_at < $${n + 2})
        and ($${n + 3}::text is null or c.user_id = $${n + 3})
      order by c.started_at desc, c.id desc
      limit $${n + 4}`,
    [...scope.params, filter.from, filter.to, filter.userId, filter.limit],
  );
  return rows.map(toView);
}

/** One call the caller may see; null when there is none (or it is outside the caller's scope). */
export async function findCall(db: Queryable, user: Caller, callId: string): Promise<CallView | null> {
  const scope = visibleCalls(user);
  const [row] = await db.query<CallRow>(
    `select ${CALL_COLUMNS} from calls c join users u on u.id = c.user_id
      where ${scope.sql} and c.id = $${scope.params.length + 1}`,
    [...scope.params, callId],
  );
  return row ? toView(row) : null;
}

/** Whether a call the caller may see references this content version id (R11). */
export async function versionUsedByVisibleCall(db: Queryable, user: Caller, versionId: string): Promise<boolean> {
  const scope = visibleCalls(user);
  const rows = await db.query(
    `select 1 from calls c, jsonb_each(c.versions) v
      where ${scope.sql} and v.value = to_jsonb($${scope.params.length + 1}::text) limit 1`,
    [...scope.params, versionId],
  );
  return rows.length > 0;
}
