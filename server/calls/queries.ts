// Reading the derived call rows within what the caller may see (R22): an operator their own calls,
// a lead the calls of their teams (made in one of those teams, or by a user now in one of them),
// trainers and admins their whole organisation. Every query filters by the caller's organisation.
import type { CallDirection, CallSource, CallTag, SubscriberContext } from '../../lib/schema/call';
import type { AuthUser } from '../auth/context';
import type { Queryable } from '../db/database';

export interface CallView {
  id: string;
  userId: string;
  teamId: string | null;
  deviceId: string;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  direction: CallDirection;
  source: CallSource;
  callerNumber: string | null;
  subscriber: SubscriberContext;
  versions: Record<string, string | number>;
  tags: CallTag[];
  updatedAt: number;
}

export interface CallFilter {
  from: number | null;
  to: number | null;
  userId: string | null;
  limit: number;
}

type Caller = Pick<AuthUser, 'id' | 'role' | 'orgId' | 'teamIds'>;

/**
 * SQL condition on `calls c` for what the caller may see, with its parameters as $1.. (PostgreSQL
 * refuses parameters a statement does not use, so each role binds only its own).
 */
export function visibleCalls(user: Caller): { sql: string; params: unknown[] } {
  switch (user.role) {
    case 'operator':
      return { sql: 'c.org_id = $1 and c.user_id = $2', params: [user.orgId, user.id] };
    case 'lead':
      return {
        sql: `c.org_id = $1 and (c.team_id = any($2::text[])
          or c.user_id in (select ut.user_id from user_teams ut where ut.team_id = any($2::text[])))`,
        params: [user.orgId, user.teamIds],
      };
    default:
      return { sql: 'c.org_id = $1', params: [user.orgId] };
  }
}

interface CallRow {
  id: string;
  user_id: string;
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
  updated_at: number;
}

export async function listCalls(db: Queryable, user: Caller, filter: CallFilter): Promise<CallView[]> {
  const scope = visibleCalls(user);
  const n = scope.params.length;
  const rows = await db.query<CallRow>(
    `select c.id, c.user_id, c.team_id, c.device_id, c.started_at, c.ended_at, c.duration_ms, c.direction,
            c.source, c.caller_number, c.subscriber, c.versions, c.tags, c.updated_at
       from calls c
      where ${scope.sql}
        and ($${n + 1}::bigint is null or c.started_at >= $${n + 1})
        and ($${n + 2}::bigint is null or c.started_at < $${n + 2})
        and ($${n + 3}::text is null or c.user_id = $${n + 3})
      order by c.started_at desc, c.id desc
      limit $${n + 4}`,
    [...scope.params, filter.from, filter.to, filter.userId, filter.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
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
    updatedAt: r.updated_at,
  }));
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
