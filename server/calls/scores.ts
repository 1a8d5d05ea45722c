// Stored scores of calls (call_scores): reading one with the operator's self-check beside it
// (calibration), and writing one (a re-score replaces the previous score). Scores are direct writes
// of the console, not events; the results are computed by score-call.ts. The stored percent and
// pass/fail are what the quality report aggregates in SQL.
import type { CallScore, ChecklistResult } from '../../lib/schema/api';
import type { ChecklistMarks } from '../../lib/schema/content';
import type { Queryable } from '../db/database';

interface ScoreRow {
  call_id: string;
  checklist_version_id: string;
  marks: ChecklistMarks;
  comment: string;
  scored_by_name: string;
  scored_at: number;
}

/**
 * The lead's side of a stored score. The results are not read back: the version's body never
 * changes, so the caller recomputes them (with `open`, which is not stored) beside the self-check.
 */
export interface StoredScore {
  callId: string;
  checklistVersionId: string;
  marks: ChecklistMarks;
  comment: string;
  scoredBy: string;
  scoredAt: number;
}

/** The stored score of a call of the organisation, or null when it has none. */
export async function loadScore(db: Queryable, orgId: string, callId: string): Promise<StoredScore | null> {
  const [row] = await db.query<ScoreRow>(
    `select s.call_id, s.checklist_version_id, s.marks, s.comment, u.name as scored_by_name, s.scored_at
       from call_scores s join users u on u.id = s.scored_by
      where s.call_id = $1 and s.org_id = $2`,
    [callId, orgId],
  );
  if (!row) return null;
  return {
    callId: row.call_id,
    checklistVersionId: row.checklist_version_id,
    marks: row.marks,
    comment: row.comment,
    scoredBy: row.scored_by_name,
    scoredAt: row.scored_at,
  };
}

export interface ScoreWrite {
  callId: string;
  orgId: string;
  checklistVersionId: string;
  marks: ChecklistMarks;
  result: ChecklistResult;
  comment: string;
  scoredBy: string;
  scoredAt: number;
}

/** Stores a call's score; a call has one score, so scoring it again replaces the previous one. */
export async function saveScore(db: Queryable, score: ScoreWrite): Promise<void> {
  await db.query(
    `insert into call_scores (call_id, org_id, checklist_version_id, marks, percent, passed, failed_critical, comment,
                              scored_by, scored_at)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8, $9, $10)
     on conflict (call_id) do update set
       checklist_version_id = excluded.checklist_version_id, marks = excluded.marks, percent = excluded.percent,
       passed = excluded.passed, failed_critical = excluded.failed_critical, comment = excluded.comment,
       scored_by = excluded.scored_by, scored_at = excluded.scored_at`,
    [
      score.callId,
      score.orgId,
      score.checklistVersionId,
      JSON.stringify(score.marks),
      score.result.percent,
      score.result.passed,
      JSON.stringify(score.result.failedCritical),
      score.comment,
      score.scoredBy,
      score.scoredAt,
    ],
  );
}

/** The answer's shape: the stored score with the lead's full result and the self-check beside it. */
export function toCallScore(
  stored: StoredScore,
  result: ChecklistResult,
  selfMarks: ChecklistMarks,
  selfResult: ChecklistResult,
): CallScore {
  return {
    callId: stored.callId,
    checklistVersionId: stored.checklistVersionId,
    marks: stored.marks,
    result,
    selfMarks,
    selfResult,
    comment: stored.comment,
    scoredBy: stored.scoredBy,
    scoredAt: stored.scoredAt,
  };
}
