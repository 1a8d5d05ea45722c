// The scopes (organisation-wide or one team) the console offers for a document kind. Leads work on
// their teams; admins and trainers, who read the whole organisation, also see the organisation-wide
// document and any other team that already has one (named by its id's tail: the session knows
// only the user's own team names).
import type { DocumentSummary, SessionUser } from '../schema/api';

export type Scope = { teamId: string | null; label: string };

export interface ScopeLabels {
  org: (org: string) => string;
  team: (team: string) => string;
  otherTeam: (idTail: string) => string;
}

export function scopesFor(
  user: Pick<SessionUser, 'role' | 'teams' | 'orgName'>,
  documents: readonly DocumentSummary[] | null,
  labels: ScopeLabels,
): Scope[] {
  const wholeOrg = user.role === 'admin' || user.role === 'trainer';
  const scopes: Scope[] = wholeOrg ? [{ teamId: null, label: labels.org(user.orgName) }] : [];
  for (const team of user.teams) scopes.push({ teamId: team.id, label: labels.team(team.name) });
  if (wholeOrg) {
    for (const doc of documents ?? []) {
      const teamId = doc.teamId;
      if (teamId !== null && !scopes.some((scope) => scope.teamId === teamId)) {
        scopes.push({ teamId, label: labels.otherTeam(teamId.slice(-6)) });
      }
    }
  }
  return scopes;
}

/** The scope to open first: the first one the user may publish in, else the first one. */
export function firstScope(scopes: readonly Scope[], editable: (teamId: string | null) => boolean): string | null {
  return (scopes.find((scope) => editable(scope.teamId)) ?? scopes[0])?.teamId ?? null;
}
