// `/api/v1/sync`: upload of outbox events (push), download of content (pull), and where the server
// stands for a device (so a client notices a server restored from an older backup, R07). Every
// role syncs; each request is scoped to the caller's organisation.
import { Hono } from 'hono';
import type { DeviceAnswer } from '../../lib/schema/api';
import type { AppEnv } from '../auth/context';
import { authenticate, requireAuth } from '../auth/middleware';
import type { ServerDeps } from '../deps';
import { parseJsonBytes, readBody } from '../http/body';
import { ApiFailure, checkBody } from '../http/errors';
import { applyPush } from './apply';
import { PushEnvelope } from './envelope';
import { intQuery, ulidValue } from './params';
import { pullContent } from './pull';

/** 500 events of full call records stay far below this; anything larger is not a client of ours. */
const MAX_PUSH_BYTES = 8 * 1024 * 1024;

export function syncRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The token is checked while the body arrives (both are on every push's path); the body is only
  // parsed for a known user, and a request that fails both is answered as unauthenticated.
  app.post('/push', async (c) => {
    const [user, bytes] = await Promise.allSettled([authenticate(c, deps.now()), readBody(c, MAX_PUSH_BYTES)]);
    if (user.status === 'rejected') throw user.reason;
    if (bytes.status === 'rejected') throw bytes.reason;
    const body = checkBody(parseJsonBytes(bytes.value), PushEnvelope);
    return c.json(await applyPush(c.var.db, user.value, body, deps.now()));
  });

  // The other sync endpoints: registered after /push, so it answers before this middleware runs.
  app.use('*', requireAuth(deps.now));

  app.get('/pull', async (c) => {
    const cursor = intQuery(c, 'cursor', 0) ?? 0;
    const scope = c.req.query('scope') ?? null;
    if (scope !== null && scope.length > 2000) throw new ApiFailure('bad_request', 'scope: too long');
    return c.json(await pullContent(c.var.db, c.var.user, cursor, scope));
  });

  app.get('/device/:deviceId', async (c) => {
    const deviceId = ulidValue('deviceId', c.req.param('deviceId'));
    const [row] = await c.var.db.query<{ last_seq: number }>(
      'select last_seq from devices where device_id = $1 and org_id = $2',
      [deviceId, c.var.user.orgId],
    );
    const answer: DeviceAnswer = { deviceId, lastSeq: row?.last_seq ?? 0 };
    return c.json(answer);
  });

  return app;
}
