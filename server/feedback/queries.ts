// Reading "no suitable answer" reports (the feedback table, projected from feedback.no_answer
// events) within what the caller may see: the same rule as calls (a lead their teams' reports,
// trainers and admins their organisation's), always filtered by the caller's organisation.
import type { FeedbackItem } from '../../lib/schema/api';
import type { VersionRef } from '../../lib/schema/call';
import { type Caller, visibleCalls } from '../calls/queries';
import type { TimeRange } from '../calls/range';
import type { Queryable } from '../db/database';

interface FeedbackRow {
  id: string;
  user_id: string;
  user_name: string;
  team_id: string | null;
  call_id: string | null;
  call_type_id: string | null;
  module_id: string | null;
  scripts_version: VersionRef | null;
  text: string;
  at: number;
}

/** Reports in the range (by when they were made), newest first, at most `limit`. */
export async function listFeedback(
  db: Queryable,
  user: Caller,
  range: TimeRange,
  limit: number,
): Promise<FeedbackItem[]> {
  const scope = visibleCalls(user, 'f');
  const n = scope.params.length;
  const rows = await db.query<FeedbackRow>(
    `select f.id, f.user_id, u.name as user_name, f.team_id, f.call_id, f.call_type_id, f.module_id,
            f.scripts_version, f.text, f.at
       from feedback f join users u on u.id = f.user_id
      where ${scope.sql}
        and ($${n + 1}::bigint is null or f.at >= $${n + 1})
        and ($${n + 2}::bigint is null or f.at < $${n + 2})
      order by f.at desc, f.id desc
      limit $${n + 3}`,
    [...scope.params, range.from, range.to, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    teamId: r.team_id,
    callId: r.call_id,
    callTypeId: r.call_type_id,
    moduleId: r.module_id,
    scriptsVersion: r.scripts_version,
    text: r.text,
    at: r.at,
  }));
}
