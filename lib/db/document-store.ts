// Server documents (content versions) and the pull cursor. A pull is applied in one transaction
// together with its cursor, so a pull cut half-way leaves the previous release and cursor in place
// and nobody ever reads a mix of two releases (R09).
import * as z from 'zod/mini';
import type { ContentVersion, DocumentKind, PullAnswer } from '../schema/api';
import type { PanelDatabase } from './database';

export const PULL_KEY = 'pull';

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
 */
export function applyPull(db: PanelDatabase, answer: PullAnswer, basedOn: PullState): Promise<boolean> {
  return db.transaction('rw', [db.documents, db.meta], async () => {
    const current = await loadPullState(db);
    if (current.cursor !== basedOn.cursor || current.scope !== basedOn.scope) return false;
    if (answer.reset) await db.documents.clear();
    await db.documents.bulkPut(answer.documents);
    await db.meta.put({ key: PULL_KEY, value: { cursor: answer.cursor, scope: answer.scope } });
    return true;
  });
}

export function documentsOfKind(db: PanelDatabase, kind: DocumentKind): Promise<ContentVersion[]> {
  return db.documents.where('kind').equals(kind).toArray();
}

/** Forget every server document and the cursor (another server or user): the next pull is full. */
export function clearDocuments(db: PanelDatabase): Promise<void> {
  return db.transaction('rw', [db.documents, db.meta], async () => {
    await db.documents.clear();
    await db.meta.delete(PULL_KEY);
  });
}
