// `/api/v1/stats`: the console's quality reports, for leads (their teams), trainers and admins (the
// organisation): objections per call type, and lead scores beside self-checks per operator and week.
import { Hono } from 'hono';
import type { AppEnv } from '../auth/context';
import { requireAuth, requireRole } from '../auth/middleware';
import { rangeQuery } from '../calls/range';
import type { ServerDeps } from '../deps';
import { objectionStats } from './objections';
import { qualityReport } from './quality';

export function statsRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now), requireRole('lead', 'trainer', 'admin'));

  app.get('/objections', async (c) => c.json(await objectionStats(c.var.db, c.var.user, rangeQuery(c))));
  app.get('/quality', async (c) => c.json(await qualityReport(c.var.db, c.var.user, rangeQuery(c))));

  return app;
}
