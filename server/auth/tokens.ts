// Opaque bearer tokens: 32 random bytes, base64url; the database keeps only the SHA-256, with an
// expiry and a revocation time. A revoked token stops working on the next request (R19).
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../lib/schema/api';
import type { Queryable } from '../db/database';
import type { AuthUser } from './context';

export const TOKEN_TTL_MS = 30 * 24 * 3600_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(db: Queryable, userId: string, now: number, ttlMs = TOKEN_TTL_MS) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  await db.query('insert into tokens (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [
    hashToken(token),
    userId,
    now,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export async function revokeToken(db: Queryable, tokenHash: string, now: number): Promise<void> {
  await db.query('update tokens set revoked_at = $2 where token_hash = $1 and revoked_at is null', [tokenHash, now]);
}

export async function revokeUserTokens(db: Queryable, userId: string, now: number): Promise<void> {
  await db.query('update tokens set revoked_at = $2 where user_id = $1 and revoked_at is null', [userId, now]);
}

interface UserRow {
  id: string;
  org_id: string;
  org_name: string;
  login: string;
  name: string;
  role: Role;
}

/**
 * The user a token belongs to, or null when it is unknown, expired, revoked or the user disabled.
 * Checked against the database on every request (so a revocation holds from the next one), in one
 * query with the user's teams: it runs before every sync push.
 */
export async function userForToken(db: Queryable, token: string, now: number): Promise<AuthUser | null> {
  const tokenHash = hashToken(token);
  const [row] = await db.query<UserRow & { teams: { id: string; name: string }[] }>(
    `select u.id, u.org_id, o.name as org_name, u.login, u.name, u.role,
            coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                        from user_teams ut join teams t on t.id = ut.team_id
                       where ut.user_id = u.id), '[]'::json) as teams
       from tokens t join users u on u.id = t.user_id join organisations o on o.id = u.org_id
      where t.token_hash = $1 and t.revoked_at is null and t.expires_at > $2 and u.disabled_at is null`,
    [tokenHash, now],
  );
  if (!row) return null;
  return { ...userOf(row, row.teams), tokenHash };
}

export async function loadUser(db: Queryable, row: UserRow): Promise<Omit<AuthUser, 'tokenHash'>> {
  const teams = await db.query<{ id: string; name: string }>(
    'select t.id, t.name from user_teams ut join teams t on t.id = ut.team_id where ut.user_id = $1 order by t.name',
    [row.id],
  );
  return userOf(row, teams);
}

function userOf(row: UserRow, teams: { id: string; name: string }[]): Omit<AuthUser, 'tokenHash'> {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    login: row.login,
    name: row.name,
    role: row.role,
    teamIds: teams.map((t) => t.id),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
  };
}
