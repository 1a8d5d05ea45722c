// Route guards. requireAuth resolves the bearer token to a user (401 otherwise); requireRole
// narrows to roles (403 otherwise). Scope checks on organisation and team happen in each
// resource's queries, which always filter by the caller's org_id (R22).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../lib/schema/api';
import { ApiFailure } from '../http/errors';
import type { AppEnv, AuthUser } from './context';
import { userForToken } from './tokens';

/** The user behind the request's bearer token; `unauthorized` (401) without a valid one. */
export async function authenticate(c: Context<AppEnv>, now: number): Promise<AuthUser> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match?.[1]) throw new ApiFailure('unauthorized', 'log in first: missing or malformed bearer token');
  const user = await userForToken(c.var.db, match[1], now);
  if (!user) throw new ApiFailure('unauthorized', 'the session has expired or was revoked: log in again');
  return user;
}

export function requireAuth(now: () => number = Date.now) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', await authenticate(c, now()));
    await next();
  });
}

export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) {
      throw new ApiFailure('forbidden', `this needs the role ${roles.join(' or ')}; you are ${c.var.user.role}`);
    }
    await next();
  });
}

/** Whether a user may act on a team's data: admins on any team of their org, others on their own. */
export function canActOnTeam(user: { role: Role; teamIds: string[] }, teamId: string | null): boolean {
  if (user.role === 'admin') return true;
  return teamId !== null && user.teamIds.includes(teamId);
}
