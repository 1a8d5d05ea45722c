// The quality report's data: every scored call the caller may see that started in the range, with
// the lead's stored result and the operator's self-check scored against the same checklist version
// (versions are immutable, so each body is read once per request). quality-rows.ts does the sums.
import { scoreChecklist } from '../../lib/content/checklist-score';
import type { QualityRow } from '../../lib/schema/api';
import { Checklist, type ChecklistMarks } from '../../lib/schema/content';
import { type Caller, visibleCalls } from '../calls/queries';
import type { TimeRange } from '../calls/range';
import type { Queryable } from '../db/database';
import { qualityRows, type ScoredCall } from './quality-rows';

interface ScoredRow {
  user_id: string;
  user_name: string;
  started_at: number;
  percent: number;
  passed: boolean;
  checklist_version_id: string;
  self_marks: ChecklistMarks | null;
}

export async function qualityReport(db: Queryable, user: Caller, range: TimeRange): Promise<QualityRow[]> {
  const scope = visibleCalls(user);
  const n = scope.params.length;
  const rows = await db.query<ScoredRow>(
    `select c.user_id, u.name as user_name, c.started_at, s.percent, s.passed, s.checklist_version_id,
            c.script -> 'checklist' as self_marks
       from call_scores s join calls c on c.id = s.call_id join users u on u.id = c.user_id
      where ${scope.sql} and s.org_id = c.org_id
        and ($${n + 1}::bigint is null or c.started_at >= $${n + 1})
        and ($${n + 2}::bigint is null or c.started_at < $${n + 2})`,
    [...scope.params, range.from, range.to],
  );
  const checklists = await loadChecklists(db, user.orgId, [...new Set(rows.map((r) => r.checklist_version_id))]);
  const calls: ScoredCall[] = rows.map((row) => {
    const checklist = checklists.get(row.checklist_version_id);
    const marks = row.self_marks ?? {};
    const self = checklist && Object.keys(marks).length > 0 ? scoreChecklist(checklist, marks) : null;
    return {
      userId: row.user_id,
      userName: row.user_name,
      startedAt: row.started_at,
      lead: { percent: row.percent, passed: row.passed },
      self,
    };
  });
  return qualityRows(calls);
}

async function loadChecklists(db: Queryable, orgId: string, ids: string[]): Promise<Map<string, Checklist>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; body: unknown }>(
    `select v.id, v.body from document_versions v join documents d on d.id = v.document_id
      where v.id = any($1::text[]) and d.org_id = $2 and d.kind = 'checklist'`,
    [ids, orgId],
  );
  const checklists = new Map<string, Checklist>();
  for (const row of rows) {
    const parsed = Checklist.safeParse(row.body);
    if (parsed.success) checklists.set(row.id, parsed.data);
  }
  return checklists;
}
