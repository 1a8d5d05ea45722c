// Which server document of a kind is in effect for a user: one rule for every kind (classifier,
// scripts, objections, checklist, tariffs), so the panel never tags with one team's classifier
// while showing another team's scripts. Pure; the stores read the rows and cache the answer.
import type { ContentVersion, SessionUser } from '../schema/api';

export interface ChosenDocument<T> {
  value: T;
  /** The server version id the value came from: what a call records (R11). */
  ref: string;
}

/**
 * A document scoped to one of the user's teams wins over the organisation-wide one; with several
 * teams, the user's team order decides. While no user is known (after logout) the documents of the
 * last pull keep applying as they were: the server sent only documents visible to that user. A
 * body `parse` refuses (null) is skipped, so one bad document never breaks the panel: the next
 * candidate applies, and with none the caller's default does.
 */
export function chooseDocument<T>(
  user: SessionUser | null,
  documents: readonly ContentVersion[],
  parse: (document: ContentVersion) => T | null,
): ChosenDocument<T> | null {
  const teamOrder = user?.teams.map((team) => team.id) ?? [];
  const rank = (doc: ContentVersion) => {
    if (!doc.teamId) return Number.MAX_SAFE_INTEGER;
    const index = teamOrder.indexOf(doc.teamId);
    return index === -1 ? teamOrder.length : index;
  };
  const candidates = documents
    .filter((doc) => !user || !doc.teamId || teamOrder.includes(doc.teamId))
    .sort((a, b) => rank(a) - rank(b) || (a.teamId ?? '').localeCompare(b.teamId ?? ''));
  for (const doc of candidates) {
    const value = parse(doc);
    if (value !== null) return { value, ref: doc.versionId };
  }
  return null;
}
