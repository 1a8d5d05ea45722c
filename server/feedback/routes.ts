// `/api/v1/feedback`: the "no suitable answer" reports operators send from the panel, for the
// people who write the scripts: leads (their teams' reports), trainers and admins (the whole
// organisation). Operators only send them, through sync.
import { Hono } from 'hono';
import type { AppEnv } from '../auth/context';
import { requireAuth, requireRole } from '../auth/middleware';
import { rangeQuery } from '../calls/range';
import type { ServerDeps } from '../deps';
import { ApiFailure } from '../http/errors';
import { intQuery } from '../sync/params';
import { listFeedback } from './queries';

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 5000;

export function feedbackRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now), requireRole('lead', 'trainer', 'admin'));

  app.get('/', async (c) => {
    const range = rangeQuery(c);
    const limit = intQuery(c, 'limit', DEFAULT_LIMIT) ?? DEFAULT_LIMIT;
    if (limit < 1 || limit > MAX_LIMIT) throw new ApiFailure('bad_request', `limit: 1 to ${MAX_LIMIT}`);
    return c.json(await listFeedback(c.var.db, c.var.user, range, limit));
  });

  return app;
}
