// Reading users, always within one organisation (R22): a user id of another organisation is
// simply not found.
import type { Role } from '../../lib/schema/api';
import type { Queryable } from '../db/database';
import type { UserSummary } from './schema';

interface UserRow {
  id: string;
  login: string;
  name: string;
  role: Role;
  disabled_at: number | null;
  created_at: number;
}

const COLUMNS = 'u.id, u.login, u.name, u.role, u.disabled_at, u.created_at';

async function withTeams(db: Queryable, orgId: string, rows: UserRow[]): Promise<UserSummary[]> {
  if (rows.length === 0) return [];
  const links = await db.query<{ user_id: string; id: string; name: string }>(
    `select ut.user_id, t.id, t.name from user_teams ut join teams t on t.id = ut.team_id
      where t.org_id = $1 and ut.user_id = any($2::text[]) order by t.name, t.id`,
    [orgId, rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    teams: links.filter((l) => l.user_id === r.id).map((l) => ({ id: l.id, name: l.name })),
    disabled: r.disabled_at !== null,
    createdAt: r.created_at,
  }));
}

/** Users of an organisation; with `memberOf`, only those in at least one of those teams. */
export async function listUsers(db: Queryable, orgId: string, memberOf?: readonly string[]): Promise<UserSummary[]> {
  const rows = memberOf
    ? await db.query<UserRow>(
        `select ${COLUMNS} from users u
          where u.org_id = $1
            and exists (select 1 from user_teams ut where ut.user_id = u.id and ut.team_id = any($2::text[]))
          order by u.login`,
        [orgId, [...memberOf]],
      )
    : await db.query<UserRow>(`select ${COLUMNS} from users u where u.org_id = $1 order by u.login`, [orgId]);
  return withTeams(db, orgId, rows);
}

export async function findUserInOrg(db: Queryable, orgId: string, userId: string): Promise<UserSummary | null> {
  const rows = await db.query<UserRow>(`select ${COLUMNS} from users u where u.org_id = $1 and u.id = $2`, [
    orgId,
    userId,
  ]);
  return (await withTeams(db, orgId, rows))[0] ?? null;
}

export interface LoginRow {
  id: string;
  org_id: string;
  org_name: string;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled_at: number | null;
}

/** The account behind a login (lower-cased), with what login needs to check it. */
export async function findByLogin(db: Queryable, login: string): Promise<LoginRow | null> {
  const [row] = await db.query<LoginRow>(
    `select u.id, u.org_id, o.name as org_name, u.login, u.name, u.role, u.password_hash, u.disabled_at
       from users u join organisations o on o.id = u.org_id where u.login = $1`,
    [login.toLowerCase()],
  );
  return row ?? null;
}
