// `/api/v1/auth`: log in (login + password -> bearer token), log out (revoke this token), and
// "who am I". Login is rate limited per account and per client address (R23); a wrong login and a
// wrong password answer the same, after the same scrypt work.
import { Hono } from 'hono';
import { type LoginAnswer, LoginBody, type SessionUser } from '../../lib/schema/api';
import type { ServerDeps } from '../deps';
import { ApiFailure, errorResponse, parseJson } from '../http/errors';
import { findByLogin } from '../users/queries';
import type { AppEnv, AuthUser } from './context';
import { requireAuth } from './middleware';
import { verifyAgainstDummy, verifyPassword } from './password';
import { clearAccountFailures, clientAddress, loginWait, recordLoginFailure } from './rate-limit';
import { issueToken, loadUser, revokeToken, TOKEN_TTL_MS } from './tokens';

export interface AuthOptions {
  trustProxy?: boolean;
  tokenTtlMs?: number;
}

export function sessionUser(user: Omit<AuthUser, 'tokenHash'>): SessionUser {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    orgName: user.orgName,
    teams: user.teams,
  };
}

export function authRoutes(deps: ServerDeps & AuthOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const ttl = deps.tokenTtlMs ?? TOKEN_TTL_MS;

  app.post('/login', async (c) => {
    const body = await parseJson(c, LoginBody);
    const db = c.var.db;
    const keys = { login: body.login.toLowerCase(), address: clientAddress(c, deps.trustProxy ?? false) };
    const wait = await loginWait(db, keys, deps.now());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      c.header('Retry-After', String(seconds));
      return errorResponse(c, 'rate_limited', `too many failed logins: try again in ${Math.ceil(seconds / 60)} min`);
    }
    const row = await findByLogin(db, keys.login);
    const matches = row
      ? await verifyPassword(body.password, row.password_hash)
      : await verifyAgainstDummy(body.password);
    // The clock is read after the slow hash, so a token never starts in the past.
    const now = deps.now();
    if (!row || !matches) {
      await recordLoginFailure(db, keys, now);
      throw new ApiFailure('unauthorized', 'wrong login or password');
    }
    if (row.disabled_at !== null) throw new ApiFailure('forbidden', 'this account is disabled: ask your administrator');
    await clearAccountFailures(db, keys.login);
    const { token, expiresAt } = await issueToken(db, row.id, now, ttl);
    const user = await loadUser(db, row);
    const answer: LoginAnswer = { token, expiresAt, user: sessionUser(user) };
    return c.json(answer);
  });

  app.post('/logout', requireAuth(deps.now), async (c) => {
    await revokeToken(c.var.db, c.var.user.tokenHash, deps.now());
    return c.json({ ok: true });
  });

  app.get('/me', requireAuth(deps.now), (c) => c.json(sessionUser(c.var.user)));

  return app;
}
