// `/api/v1/calls`: the calls derived from uploaded events, scoped per role (queries.ts), the
// content versions calls reference, which stay resolvable forever because versions are immutable
// (R11), and the scores of finished calls (score-call.ts). Scoring is for leads (their teams'
// calls), trainers (who score during training) and admins (their organisation's calls); anyone
// who may see a call may read its score, so an operator sees how their own calls were scored.
import { Hono } from 'hono';
import { ScoreBody } from '../../lib/schema/api';
import type { AppEnv } from '../auth/context';
import { requireAuth, requireRole } from '../auth/middleware';
import type { ServerDeps } from '../deps';
import { findVersion } from '../documents/versions';
import { ApiFailure, parseJson } from '../http/errors';
import { intQuery, limitBody, ulidValue } from '../sync/params';
import { listCalls, versionUsedByVisibleCall } from './queries';
import { rangeQuery } from './range';
import { readScore, scoreCall, visibleCall } from './score-call';

/** A score is a few dozen marks and a comment. */
const MAX_SCORE_BYTES = 64 * 1024;

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 5000;

export function callRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now));

  app.get('/', async (c) => {
    const { from, to } = rangeQuery(c);
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

  app.get('/:callId', async (c) => {
    const callId = ulidValue('callId', c.req.param('callId'));
    return c.json(await visibleCall(c.var.db, c.var.user, callId));
  });

  app.get('/:callId/score', async (c) => {
    const callId = ulidValue('callId', c.req.param('callId'));
    return c.json(await readScore(c.var.db, c.var.user, callId));
  });

  app.post('/:callId/score', requireRole('lead', 'trainer', 'admin'), limitBody(MAX_SCORE_BYTES), async (c) => {
    const callId = ulidValue('callId', c.req.param('callId'));
    const body = await parseJson(c, ScoreBody);
    return c.json(await scoreCall(c.var.db, c.var.user, callId, body, deps.now()));
  });

  return app;
}
