// `/api/v1/reports`: the team lead's reports over a period — the call-type mix against the period
// before, offers and sales per type or operator, request-to-connection conversion, each operator's
// day or week against the plan, and the tariff mix. Leads see their own teams, admins the whole
// organisation or one team; operators read the tariff mix of their own teams (counts only, the panel
// compares their sales with the team's), and get 403 for the rest, trainers for all (R22). Bad query
// values are a 400 (R21).
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { CallType } from '../../lib/schema/classifier';
import type { AppEnv } from '../auth/context';
import { requireAuth, requireRole } from '../auth/middleware';
import type { ServerDeps } from '../deps';
import { CONNECTION_TYPE_ID, conversionReport } from './conversion';
import { mixReport } from './mix';
import { operatorReport } from './operators';
import { reportQuery, schemaQuery } from './params';
import { type ReportAudience, reportScope } from './scope';
import { tariffMixReport } from './tariff-mix';
import { upsellReport } from './upsell';

const UpsellBy = z.enum(['type', 'operator']);
const Period = z.enum(['day', 'week']);

export function reportRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now));
  const leads = requireRole('lead', 'admin');
  app.use('/mix', leads);
  app.use('/upsell', leads);
  app.use('/conversion', leads);
  app.use('/operators', leads);
  app.use('/tariff-mix', requireRole('operator', 'lead', 'admin'));

  /** The period and the scope every report starts from; the query is read before the database. */
  const base = async (c: Parameters<typeof reportQuery>[0], audience: ReportAudience = 'leads') => {
    const query = reportQuery(c);
    const scope = await reportScope(c.var.db, c.var.user, query.teamId, audience);
    return { query, scope };
  };

  app.get('/mix', async (c) => {
    const { query, scope } = await base(c);
    return c.json(await mixReport(c.var.db, scope, query));
  });
  app.get('/upsell', async (c) => {
    const by = schemaQuery(c, 'by', UpsellBy, 'type', 'type or operator');
    const { query, scope } = await base(c);
    return c.json(await upsellReport(c.var.db, scope, query, by));
  });
  app.get('/conversion', async (c) => {
    const typeId = schemaQuery(c, 'typeId', CallType.shape.id, CONNECTION_TYPE_ID, 'a call type id');
    const { query, scope } = await base(c);
    return c.json(await conversionReport(c.var.db, scope, query, typeId));
  });
  app.get('/operators', async (c) => {
    const period = schemaQuery(c, 'period', Period, 'day', 'day or week');
    const { query, scope } = await base(c);
    return c.json(await operatorReport(c.var.db, scope, query, period));
  });
  app.get('/tariff-mix', async (c) => {
    const { query, scope } = await base(c, 'team');
    return c.json(await tariffMixReport(c.var.db, scope, query));
  });

  return app;
}
