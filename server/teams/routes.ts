// `GET /api/v1/teams`: the teams a caller may pick from. Admins and trainers (who write content for
// any team) see every team of their organisation; leads and operators see their own teams.
import { Hono } from 'hono';
import type { AppEnv } from '../auth/context';
import { requireAuth } from '../auth/middleware';
import type { ServerDeps } from '../deps';
import { listTeams } from './queries';

export function teamRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now));
  app.get('/', async (c) => {
    const user = c.var.user;
    const everyTeam = user.role === 'admin' || user.role === 'trainer';
    const teams = await listTeams(c.var.db, user.orgId, everyTeam ? undefined : user.teamIds);
    return c.json({ teams });
  });
  return app;
}
