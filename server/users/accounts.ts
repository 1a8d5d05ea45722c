// Writing users: create (with team membership, in one transaction), set a password, disable.
// Shared by the HTTP endpoints, the admin CLI and the demo seed, so the rules live in one place:
// logins are lower-cased and unique, teams must belong to the user's organisation, passwords are
// stored only as scrypt hashes.
import { ulid } from 'ulid';
import type { Role } from '../../lib/schema/api';
import { hashPassword } from '../auth/password';
import { revokeUserTokens } from '../auth/tokens';
import { type Database, PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database';
import { ApiFailure } from '../http/errors';
import { findUserInOrg } from './queries';
import { MIN_PASSWORD_LENGTH, type UserSummary } from './schema';

export interface NewUser {
  orgId: string;
  login: string;
  name: string;
  role: Role;
  password: string;
  teamIds: readonly string[];
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new ApiFailure('bad_request', `a password needs ${MIN_PASSWORD_LENGTH} to 200 characters`);
  }
}

export async function createUser(db: Database, input: NewUser, now: number): Promise<UserSummary> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = ulid(now);
  const teamIds = [...new Set(input.teamIds)];
  await db.transaction(async (tx) => {
    const found = await tx.query<{ id: string }>('select id from teams where org_id = $1 and id = any($2::text[])', [
      input.orgId,
      teamIds,
    ]);
    if (found.length !== teamIds.length) throw new ApiFailure('bad_request', 'teamIds: unknown team');
    try {
      await tx.query(
        `insert into users (id, org_id, login, name, role, password_hash, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, input.orgId, input.login.toLowerCase(), input.name.trim(), input.role, passwordHash, now],
      );
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
        throw new ApiFailure('conflict', `the login "${input.login.toLowerCase()}" is taken`);
      }
      throw error;
    }
    for (const teamId of teamIds) {
      await tx.query('insert into user_teams (user_id, team_id) values ($1, $2)', [id, teamId]);
    }
  });
  const created = await findUserInOrg(db, input.orgId, id);
  if (!created) throw new Error('the new user vanished');
  return created;
}

/** Sets a new password and ends every session of the user (whoever knew the old one is out). */
export async function setPassword(db: Database, userId: string, password: string, now: number): Promise<void> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2 where id = $1', [userId, passwordHash]);
    await revokeUserTokens(tx, userId, now);
  });
}

/** Disables the account and revokes its tokens; its data stays. */
export async function disableUser(db: Database, userId: string, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('update users set disabled_at = coalesce(disabled_at, $2) where id = $1', [userId, now]);
    await revokeUserTokens(tx, userId, now);
  });
}
