// `/api/v1/users`: admins manage the accounts of their organisation; leads see the members of
// their teams. Every lookup is filtered by the caller's organisation, so another organisation's
// user ids answer 404 exactly like ids that do not exist (R22).
import { Hono } from 'hono';
import type { AppEnv } from '../auth/context';
import { requireAuth, requireRole } from '../auth/middleware';
import { revokeUserTokens } from '../auth/tokens';
import type { ServerDeps } from '../deps';
import { ApiFailure, parseJson } from '../http/errors';
import { createUser, disableUser } from './accounts';
import { findUserInOrg, listUsers } from './queries';
import { CreateUserBody } from './schema';

export function userRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now));

  app.get('/', requireRole('admin', 'lead'), async (c) => {
    const user = c.var.user;
    const users = await listUsers(c.var.db, user.orgId, user.role === 'admin' ? undefined : user.teamIds);
    return c.json({ users });
  });

  app.post('/', requireRole('admin'), async (c) => {
    const body = await parseJson(c, CreateUserBody);
    const created = await createUser(c.var.db, { ...body, orgId: c.var.user.orgId }, deps.now());
    return c.json({ user: created }, 201);
  });

  /** The target user, in the caller's organisation, or 404. */
  async function target(vars: AppEnv['Variables'], id: string) {
    const found = await findUserInOrg(vars.db, vars.user.orgId, id);
    if (!found) throw new ApiFailure('not_found', 'no such user');
    return found;
  }

  app.post('/:id/revoke-tokens', requireRole('admin'), async (c) => {
    const user = await target(c.var, c.req.param('id'));
    await revokeUserTokens(c.var.db, user.id, deps.now());
    return c.json({ ok: true });
  });

  app.post('/:id/disable', requireRole('admin'), async (c) => {
    const user = await target(c.var, c.req.param('id'));
    if (user.id === c.var.user.id) throw new ApiFailure('conflict', 'you cannot disable your own account');
    await disableUser(c.var.db, user.id, deps.now());
    return c.json({ user: { ...user, disabled: true } });
  });

  return app;
}
