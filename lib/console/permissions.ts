// Who may publish which document kind, as the server enforces it (server/documents/kinds.ts and
// access.ts), so the console offers editing only where a publication can succeed: the role must be
// one of the kind's publishers, and everyone but an admin publishes only for their own teams.
import type { DocumentKind, Role, SessionUser } from '../schema/api';

export const PUBLISHERS: Record<DocumentKind, readonly Role[]> = {
  classifier: ['lead', 'admin'],
  scripts: ['lead', 'admin'],
  objections: ['lead', 'admin'],
  tariffs: ['lead', 'admin'],
  checklist: ['trainer', 'admin'],
  plan: ['lead', 'admin'],
};

/** The role publishes this kind somewhere (its own teams, or everywhere for an admin). */
export function mayPublishKind(role: Role, kind: DocumentKind): boolean {
  return PUBLISHERS[kind].includes(role);
}

/** The user may publish this kind for this scope (`null`: the organisation-wide document). */
export function mayPublish(
  user: Pick<SessionUser, 'role' | 'teams'>,
  kind: DocumentKind,
  teamId: string | null,
): boolean {
  if (!mayPublishKind(user.role, kind)) return false;
  if (user.role === 'admin') return true;
  return teamId !== null && user.teams.some((team) => team.id === teamId);
}
