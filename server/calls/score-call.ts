// Scoring a call against the checklist version it was made with (issue 4): the call must be one
// the scorer may see and must have ended; the version must be the call's own `versions.checklist`
// and a published checklist of the organisation. The server computes the result itself
// (lib/content/checklist-score.ts) and answers it beside the operator's self-check (calibration).
import { scoreChecklist } from '../../lib/content/checklist-score';
import type { CallScore, CallView, ScoreBody } from '../../lib/schema/api';
import { Checklist } from '../../lib/schema/content';
import type { Queryable } from '../db/database';
import { findVersion } from '../documents/versions';
import { ApiFailure } from '../http/errors';
import { isStorable } from '../sync/pg-text';
import { type Caller, findCall } from './queries';
import { loadScore, saveScore, toCallScore } from './scores';

/** A call the caller may see, or 404 (also for another team's or organisation's call). */
export async function visibleCall(db: Queryable, user: Caller, callId: string): Promise<CallView> {
  const call = await findCall(db, user, callId);
  if (!call) throw new ApiFailure('not_found', 'no such call');
  return call;
}

/** The checklist of a version of the organisation; 409 when the id names anything else. */
async function checklistVersion(db: Queryable, orgId: string, versionId: string): Promise<Checklist> {
  const version = await findVersion(db, orgId, versionId);
  const body = version?.kind === 'checklist' ? Checklist.safeParse(version.body) : null;
  if (!body?.success) {
    throw new ApiFailure(
      'conflict',
      `the call's checklist version ${versionId} is not a checklist of this organisation`,
    );
  }
  return body.data;
}

/** The version id the call recorded for its checklist, or 409 saying why the call cannot be scored. */
function callChecklistVersion(call: CallView, asked: string): string {
  const recorded = call.versions.checklist;
  if (recorded === undefined) {
    throw new ApiFailure('conflict', 'the call was made without a checklist: there is nothing to score it against');
  }
  if (typeof recorded === 'number') {
    throw new ApiFailure(
      'conflict',
      "the call used a checklist edited on the operator's device that never reached the server: it cannot be scored",
    );
  }
  if (recorded !== asked) {
    throw new ApiFailure(
      'conflict',
      `a call is scored on the checklist version it was made with: ${recorded}, not ${asked}`,
    );
  }
  return recorded;
}

/** Stores the caller's score of a call (replacing an earlier one) and answers it with the self-check. */
export async function scoreCall(
  db: Queryable,
  user: Caller,
  callId: string,
  body: ScoreBody,
  now: number,
): Promise<CallScore> {
  const call = await visibleCall(db, user, callId);
  if (call.endedAt === null) throw new ApiFailure('conflict', 'the call has not ended yet: score it once it is over');
  const versionId = callChecklistVersion(call, body.checklistVersionId);
  const checklist = await checklistVersion(db, user.orgId, versionId);
  const known = new Set(checklist.sections.flatMap((s) => s.items.map((i) => i.id)));
  const unknown = Object.keys(body.marks).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ApiFailure('bad_request', `marks: no such item in this checklist version: ${unknown.join(', ')}`);
  }
  if (!isStorable(body.comment)) throw new ApiFailure('bad_request', 'comment: holds a NUL or broken character');
  const result = scoreChecklist(checklist, body.marks);
  await saveScore(db, {
    callId: call.id,
    orgId: user.orgId,
    checklistVersionId: versionId,
    marks: body.marks,
    result,
    comment: body.comment,
    scoredBy: user.id,
    scoredAt: now,
  });
  const stored = await loadScore(db, user.orgId, call.id);
  if (!stored) throw new Error('the score just stored cannot be read back');
  const selfMarks = call.script.checklist;
  return toCallScore(stored, result, selfMarks, scoreChecklist(checklist, selfMarks));
}

/** The score of a call the caller may see, with the self-check as the call holds it now; null: none. */
export async function readScore(db: Queryable, user: Caller, callId: string): Promise<CallScore | null> {
  const call = await visibleCall(db, user, callId);
  const stored = await loadScore(db, user.orgId, call.id);
  if (!stored) return null;
  const checklist = await checklistVersion(db, user.orgId, stored.checklistVersionId);
  const selfMarks = call.script.checklist;
  return toCallScore(stored, scoreChecklist(checklist, stored.marks), selfMarks, scoreChecklist(checklist, selfMarks));
}
