// Everything the review of one finished call needs, fetched through the background: the call and
// its score, and the checklist, scripts and objections versions the call itself used (R11). The
// checklist must be the call's own version; the others only name what the call showed.
import { callVersion } from '../../lib/console/review';
import { request } from '../../lib/messaging/client';
import type { CallScore, CallView, ContentVersion } from '../../lib/schema/api';
import { Checklist, ObjectionSet, ScriptSet } from '../../lib/schema/content';

export type ChecklistSource =
  | { ok: true; version: ContentVersion; checklist: Checklist }
  | { ok: false; reason: 'none' | 'local' | 'unreadable'; detail: string };

export interface Review {
  call: CallView;
  score: CallScore | null;
  checklist: ChecklistSource;
  scripts: ScriptSet | null;
  objections: ObjectionSet | null;
}

async function fetchBody<T>(
  call: CallView,
  kind: 'scripts' | 'objections',
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
): Promise<T | null> {
  const ref = callVersion(call, kind);
  if (ref.kind !== 'server') return null;
  try {
    const version = await request('console.version', { versionId: ref.versionId });
    const parsed = schema.safeParse(version.body);
    return parsed.success && parsed.data !== undefined ? parsed.data : null;
  } catch {
    // Titles are a nicety here: the review then names modules and objections by their ids.
    return null;
  }
}

async function fetchChecklist(call: CallView): Promise<ChecklistSource> {
  const ref = callVersion(call, 'checklist');
  if (ref.kind === 'none') return { ok: false, reason: 'none', detail: '' };
  if (ref.kind === 'local') return { ok: false, reason: 'local', detail: String(ref.number) };
  let version: ContentVersion;
  try {
    version = await request('console.version', { versionId: ref.versionId });
  } catch (error) {
    // The call and what it showed are still worth reading; only the scoring is impossible.
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  const parsed = Checklist.safeParse(version.body);
  return parsed.success
    ? { ok: true, version, checklist: parsed.data }
    : { ok: false, reason: 'unreadable', detail: parsed.error.issues[0]?.message ?? '' };
}

export async function loadReview(callId: string): Promise<Review> {
  const { call, score } = await request('console.call', { callId });
  const [checklist, scripts, objections] = await Promise.all([
    fetchChecklist(call),
    fetchBody(call, 'scripts', ScriptSet),
    fetchBody(call, 'objections', ObjectionSet),
  ]);
  return { call, score, checklist, scripts, objections };
}
