// How often each objection was raised, and handled, per call type (the call's last tag; null for
// untagged calls), on the calls the caller may see, by when the objection was raised.
import type { ObjectionStat } from '../../lib/schema/api';
import { type Caller, visibleCalls } from '../calls/queries';
import type { TimeRange } from '../calls/range';
import type { Queryable } from '../db/database';

export async function objectionStats(db: Queryable, user: Caller, range: TimeRange): Promise<ObjectionStat[]> {
  // call_objections carries its call's organisation, user and team, so the scope rule applies to it.
  const scope = visibleCalls(user, 'o');
  const n = scope.params.length;
  const rows = await db.query<{ call_type_id: string | null; objection_id: string; raised: number; handled: number }>(
    `select c.tags -> -1 ->> 'typeId' as call_type_id, o.objection_id,
            count(*)::int as raised, (count(*) filter (where o.handled))::int as handled
       from call_objections o join calls c on c.id = o.call_id
      where ${scope.sql}
        and ($${n + 1}::bigint is null or o.at >= $${n + 1})
        and ($${n + 2}::bigint is null or o.at < $${n + 2})
      group by 1, 2
      order by 1 nulls last, 3 desc, 2`,
    [...scope.params, range.from, range.to],
  );
  return rows.map((r) => ({
    callTypeId: r.call_type_id,
    objectionId: r.objection_id,
    raised: r.raised,
    handled: r.handled,
  }));
}
