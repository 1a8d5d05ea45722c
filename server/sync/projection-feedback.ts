// Projects `feedback.no_answer` events ("no suitable answer" reports) into the feedback table, for
// the console's list. A report about a call of another user is refused (like a tag on such a call);
// a report without a call, or about a call the server has not received, is kept as it is. Planned
// with the batch by projection.ts and written with one statement per batch, after the batch's calls.
import type * as z from 'zod/mini';
import type { CallRecord } from '../../lib/schema/call';
import type { EventPayloads, EventType } from '../../lib/schema/events';
import type { Queryable } from '../db/database';

type NoAnswer = z.infer<(typeof EventPayloads)['feedback.no_answer']>;

/** The fields of projection.ts's ProjectedEvent this file reads (declared here: no import cycle). */
interface SourceEvent {
  type: EventType;
  payload: unknown;
  orgId: string;
  userId: string;
  teamId: string | null;
}

/** What the feedback projection needs of a call row the batch projector holds. */
export interface CallOwner {
  org_id: string;
  user_id: string;
  team_id: string | null;
}

export interface FeedbackRow {
  id: string;
  org_id: string;
  user_id: string;
  team_id: string | null;
  call_id: string | null;
  call_type_id: string | null;
  module_id: string | null;
  scripts_version: string | number | null;
  text: string;
  at: number;
}

/** The call a feedback event names, so the batch projector loads (and locks) it with the others. */
export function feedbackCallId(event: SourceEvent): string | null {
  return event.type === 'feedback.no_answer' ? (event.payload as NoAnswer).callId : null;
}

/**
 * Checks the batch's feedback events in order against the calls as they stood at each event (a call
 * belongs to whoever uploaded it first, so "as they stood" only needs when it appeared), fills in
 * the refusal reasons, and answers the accepted reports. `calls` is the batch projector's map after
 * the batch, `preexisting` the ids it loaded from the database before it.
 */
export function planFeedback(
  events: readonly SourceEvent[],
  reasons: (string | null)[],
  calls: ReadonlyMap<string, CallOwner>,
  preexisting: ReadonlySet<string>,
): FeedbackRow[] {
  if (!events.some((e) => e.type === 'feedback.no_answer')) return [];
  const known = new Set(preexisting);
  const rows = new Map<string, FeedbackRow>();
  events.forEach((event, index) => {
    if (reasons[index] !== null) return;
    if (event.type === 'call.started' || event.type === 'call.updated' || event.type === 'call.ended') {
      known.add((event.payload as CallRecord).id);
      return;
    }
    if (event.type !== 'feedback.no_answer') return;
    const report = event.payload as NoAnswer;
    const call = report.callId !== null && known.has(report.callId) ? calls.get(report.callId) : undefined;
    if (call && (call.org_id !== event.orgId || call.user_id !== event.userId)) {
      reasons[index] = 'the call belongs to another user';
      return;
    }
    // The first report with an id wins, as the insert below keeps the stored one.
    if (rows.has(report.id)) return;
    rows.set(report.id, {
      id: report.id,
      org_id: event.orgId,
      user_id: event.userId,
      // A report about a call counts where its call does (as tags do).
      team_id: call ? call.team_id : event.teamId,
      call_id: report.callId,
      call_type_id: report.callTypeId,
      module_id: report.moduleId,
      scripts_version: report.scriptsVersion,
      text: report.text,
      at: report.at,
    });
  });
  return [...rows.values()];
}

export async function writeFeedback(tx: Queryable, rows: readonly FeedbackRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into feedback (id, org_id, user_id, team_id, call_id, call_type_id, module_id, scripts_version, text, at)
     select id, org_id, user_id, team_id, call_id, call_type_id, module_id, scripts_version, text, at
       from jsonb_to_recordset($1::jsonb) as x(id text, org_id text, user_id text, team_id text, call_id text,
            call_type_id text, module_id text, scripts_version jsonb, text text, at bigint)
     on conflict (id) do nothing`,
    [JSON.stringify(rows)],
  );
}
