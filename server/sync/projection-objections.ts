// Keeps call_objections equal to the objections in calls.script: one row per objection raised on a
// call, with the call's owner, so the console counts objections per call type with one join and a
// group by. Planned by projection.ts with the batch, written with one statement per batch.
import type { CallScript } from '../../lib/schema/call';
import type { Queryable } from '../db/database';

/** What this file needs of a call row the batch projector holds. */
export interface ScriptedCall {
  id: string;
  org_id: string;
  user_id: string;
  team_id: string | null;
  /** Set when a call record applied in this batch (the script it carried); untouched otherwise. */
  script?: CallScript;
}

interface ObjectionRow {
  call_id: string;
  objection_id: string;
  org_id: string;
  user_id: string;
  team_id: string | null;
  answer_id: string | null;
  handled: boolean;
  at: number;
}

/**
 * One row per objection id of a call: first raised at the earliest time, with the last answer
 * picked and handled when any raise of it was handled.
 */
export function objectionRows(call: ScriptedCall & { script: CallScript }): ObjectionRow[] {
  const rows = new Map<string, ObjectionRow>();
  for (const use of call.script.objections) {
    const seen = rows.get(use.objectionId);
    if (seen) {
      seen.at = Math.min(seen.at, use.at);
      seen.answer_id = use.answerId ?? seen.answer_id;
      seen.handled ||= use.handled;
      continue;
    }
    rows.set(use.objectionId, {
      call_id: call.id,
      objection_id: use.objectionId,
      org_id: call.org_id,
      user_id: call.user_id,
      team_id: call.team_id,
      answer_id: use.answerId,
      handled: use.handled,
      at: use.at,
    });
  }
  return [...rows.values()];
}

/** The objection rows a batch writes, and the stored calls whose old rows it replaces. */
export interface ObjectionWrites {
  rows: ObjectionRow[];
  replaced: string[];
}

/**
 * Plans the objection rows of the calls whose script a record set in this batch. `preexisting`
 * names the calls that were stored before the batch: only they can have rows to remove.
 */
export function planObjections(calls: Iterable<ScriptedCall>, preexisting: ReadonlySet<string>): ObjectionWrites {
  const rows: ObjectionRow[] = [];
  const replaced: string[] = [];
  for (const call of calls) {
    const { script } = call;
    if (script === undefined) continue;
    rows.push(...objectionRows({ ...call, script }));
    if (preexisting.has(call.id)) replaced.push(call.id);
  }
  return { rows, replaced };
}

export async function writeObjections(tx: Queryable, { rows, replaced }: ObjectionWrites): Promise<void> {
  if (rows.length === 0 && replaced.length === 0) return;
  // Stale rows go and current ones are upserted in one statement; the two never touch the same key.
  await tx.query(
    `with incoming as (
       select * from jsonb_to_recordset($2::jsonb) as x(call_id text, objection_id text, org_id text, user_id text,
              team_id text, answer_id text, handled boolean, at bigint)
     ), gone as (
       delete from call_objections o
        where o.call_id = any($1::text[])
          and not exists (select 1 from incoming i where i.call_id = o.call_id and i.objection_id = o.objection_id)
     )
     insert into call_objections (call_id, objection_id, org_id, user_id, team_id, answer_id, handled, at)
     select call_id, objection_id, org_id, user_id, team_id, answer_id, handled, at from incoming
     on conflict (call_id, objection_id) do update set
       answer_id = excluded.answer_id, handled = excluded.handled, at = excluded.at`,
    [replaced, JSON.stringify(rows)],
  );
}
