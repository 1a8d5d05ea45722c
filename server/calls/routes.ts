// `/api/v1/calls`: the calls derived from uploaded events, scoped per role (queries.ts), and the
// content versions calls reference, which stay resolvable forever because versions are immutable
// (R11).
import { Hono } from 'hono';
import type { AppEnv } from '../auth/context';
import { requireAuth } from '../auth/middleware';
import type { ServerDeps } from '../deps';
import { findVersion } from '../documents/versions';
import { ApiFailure } from '../http/errors';
import { intQuery, ulidValue } from '../sync/params';
import { listCalls, versionUsedByVisibleCall } from './queries';

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 5000;

export function callRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now));

  app.get('/', async (c) => {
    const from = intQuery(c, 'from', null);
    const to = intQuery(c, 'to', null);
    if (from !== null && to !== null && from > to) throw new ApiFailure('bad_request', 'from: must not be after to');
    const limit = intQuery(c, 'limit', DEFAULT_LIMIT) ?? DEFAULT_LIMIT;
    if (limit < 1 || limit > MAX_LIMIT) throw new ApiFailure('bad_request', `limit: 1 to ${MAX_LIMIT}`);
    const rawUser = c.req.query('userId');
    const userId = rawUser === undefined || rawUser === '' ? null : ulidValue('userId', rawUser);
    return c.json(await listCalls(c.var.db, c.var.user, { from, to, userId, limit }));
  });

  app.get('/versions/:versionId', async (c) => {
    const user = c.var.user;
    const versionId = ulidValue('versionId', c.req.param('versionId'));
    const version = await findVersion(c.var.db, user.orgId, versionId);
    if (!version) throw new ApiFailure('not_found', 'no such content version');
    // Trainers and admins see all content; others the content of their scope and whatever a call
    // they may see was made with (a lead reviewing a call made before a team change).
    const inScope =
      user.role === 'admin' ||
      user.role === 'trainer' ||
      version.teamId === null ||
      user.teamIds.includes(version.teamId) ||
      (await versionUsedByVisibleCall(c.var.db, user, versionId));
    if (!inScope) throw new ApiFailure('forbidden', "this version belongs to another team's content");
    return c.json(version);
  });

  return app;
}
