// Teams of an organisation: creating them (admin CLI, demo seed) and listing what a caller may
// see. Every query is filtered by organisation, so another organisation's team ids find nothing.
import { ulid } from 'ulid';
import type { TeamRef } from '../../lib/schema/api';
import { PG_UNIQUE_VIOLATION, pgErrorCode, type Queryable } from '../db/database';
import { ApiFailure } from '../http/errors';

export async function createTeam(db: Queryable, orgId: string, name: string): Promise<TeamRef> {
  const clean = name.trim();
  if (!clean || clean.length > 200) throw new ApiFailure('bad_request', 'a team needs a name of 1 to 200 characters');
  const team = { id: ulid(), name: clean };
  try {
    await db.query('insert into teams (id, org_id, name) values ($1, $2, $3)', [team.id, orgId, team.name]);
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new ApiFailure('conflict', `team "${clean}" already exists`);
    throw error;
  }
  return team;
}

/** All teams of an organisation, or only those among `onlyIds`. */
export async function listTeams(db: Queryable, orgId: string, onlyIds?: readonly string[]): Promise<TeamRef[]> {
  if (onlyIds) {
    return db.query<TeamRef>(
      'select id, name from teams where org_id = $1 and id = any($2::text[]) order by name, id',
      [orgId, [...onlyIds]],
    );
  }
  return db.query<TeamRef>('select id, name from teams where org_id = $1 order by name, id', [orgId]);
}

export async function findTeamByName(db: Queryable, orgId: string, name: string): Promise<TeamRef> {
  const [team] = await db.query<TeamRef>('select id, name from teams where org_id = $1 and name = $2', [
    orgId,
    name.trim(),
  ]);
  if (!team) throw new ApiFailure('not_found', `no team "${name}" in this organisation`);
  return team;
}
