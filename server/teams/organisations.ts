// Organisations: the outermost scope of all data. Created by the admin CLI and the demo seed;
// there is no HTTP endpoint for them (a server operator's job, not a user's).
import { ulid } from 'ulid';
import type { Queryable } from '../db/database';

export interface Organisation {
  id: string;
  name: string;
}

export async function createOrganisation(db: Queryable, name: string, now: number): Promise<Organisation> {
  const clean = name.trim();
  if (!clean || clean.length > 200) throw new Error('an organisation needs a name of 1 to 200 characters');
  const org = { id: ulid(now), name: clean };
  await db.query('insert into organisations (id, name, created_at) values ($1, $2, $3)', [org.id, org.name, now]);
  return org;
}

/** The organisation with this id or name; an error when there is none or the name is ambiguous. */
export async function findOrganisation(db: Queryable, idOrName: string): Promise<Organisation> {
  const rows = await db.query<Organisation>(
    'select id, name from organisations where id = $1 or name = $1 order by (id = $1) desc, id',
    [idOrName.trim()],
  );
  const [first] = rows;
  if (!first) throw new Error(`no organisation "${idOrName}"`);
  if (first.id !== idOrName.trim() && rows.length > 1) {
    throw new Error(`several organisations are named "${idOrName}": use the id (${rows.map((r) => r.id).join(', ')})`);
  }
  return first;
}

export async function anyOrganisationExists(db: Queryable): Promise<boolean> {
  return (await db.query('select 1 from organisations limit 1')).length > 0;
}
