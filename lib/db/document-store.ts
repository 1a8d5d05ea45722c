// Server documents (content versions) and the pull cursor. A pull is applied in one transaction
// together with its cursor, so a pull cut half-way leaves the previous release and cursor in place
// and nobody ever reads a mix of two releases (R09).
//
// Every version pulled is also kept in `contentVersions` (same transaction), because a call keeps
// the versions it started with (R11) even after a newer release replaced them in `documents` and
// after a worker restart. Old versions are pruned once no recent call can still ask for them.
import * as z from 'zod/mini';
import type { ContentVersion, DocumentKind, PullAnswer } from '../schema/api';
import type { PanelDatabase } from './database';

export const PULL_KEY = 'pull';

/** How long a call keeps the versions it started with readable here (calls are reopened, tagged late). */
export const KEEP_VERSIONS_FOR_CALLS_MS = 3 * 24 * 60 * 60 * 1000;

const PullState = z.object({
  cursor: z.number().check(z.int(), z.nonnegative()),
  /** The server's name for the set of teams the documents were computed for; '' before any pull. */
  scope: z.string(),
});
export type PullState = z.infer<typeof PullState>;

export const NO_PULL: PullState = { cursor: 0, scope: '' };

export async function loadPullState(db: PanelDatabase): Promise<PullState> {
  const parsed = PullState.safeParse((await db.meta.get(PULL_KEY))?.value);
  return parsed.success ? parsed.data : NO_PULL;
}

/**
 * Stores a pull answer. `reset` replaces the whole table. Refuses (returns false) when the cursor
 * moved since `basedOn` was read: the answer was computed for a state this database no longer has.
 * Then prunes old versions (at most once per pull, and only when there is something to prune).
 */
export async function applyPull(
  db: PanelDatabase,
  answer: PullAnswer,
  basedOn: PullState,
  now: number = Date.now(),
): Promise<boolean> {
  const applied = await db.transaction('rw', [db.documents, db.contentVersions, db.meta], async () => {
    const current = await loadPullState(db);
    if (current.cursor !== basedOn.cursor || current.scope !== basedOn.scope) return false;
    if (answer.reset) await db.documents.clear();
    await db.documents.bulkPut(answer.documents);
    await db.contentVersions.bulkPut(answer.documents);
    await db.meta.put({ key: PULL_KEY, value: { cursor: answer.cursor, scope: answer.scope } });
    return true;
  });
  if (applied) {
    try {
      await pruneContentVersions(db, now);
    } catch {
      // The release is stored; old versions only take some space and the next pull prunes again.
    }
  }
  return applied;
}

/**
 * Deletes stored versions that are neither current (in `documents`) nor referenced by a call that
 * started in the last KEEP_VERSIONS_FOR_CALLS_MS. Cheap when nothing is to be pruned: every current
 * document is also a stored version, so as many stored versions as documents means all are current.
 * Returns how many versions were deleted.
 */
export function pruneContentVersions(db: PanelDatabase, now: number): Promise<number> {
  return db.transaction('rw', [db.contentVersions, db.documents, db.calls], async () => {
    const [stored, current] = await Promise.all([db.contentVersions.count(), db.documents.count()]);
    if (stored <= current) return 0;
    const keep = new Set<string>();
    await db.documents.each((doc) => {
      keep.add(doc.versionId);
    });
    const since = now - KEEP_VERSIONS_FOR_CALLS_MS;
    await db.calls
      .where('startedAt')
      .aboveOrEqual(since)
      .each((call) => {
        for (const ref of Object.values(call.versions)) if (typeof ref === 'string') keep.add(ref);
      });
    const ids = (await db.contentVersions.toCollection().primaryKeys()).filter((id) => !keep.has(id));
    await db.contentVersions.bulkDelete(ids);
    return ids.length;
  });
}

export function documentsOfKind(db: PanelDatabase, kind: DocumentKind): Promise<ContentVersion[]> {
  return db.documents.where('kind').equals(kind).toArray();
}

/**
 * Forget every server document and the cursor (another server or user): the next pull is full.
 * The stored versions stay for the calls that started with them; the next pull prunes the rest.
 */
export function clearDocuments(db: PanelDatabase): Promise<void> {
  return db.transaction('rw', [db.documents, db.meta], async () => {
    await db.documents.clear();
    await db.meta.delete(PULL_KEY);
  });
}
