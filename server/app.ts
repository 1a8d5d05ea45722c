// The HTTP app: the API under /api/v1 (auth, users, teams, sync, documents, calls, feedback,
// stats, reports), a health check, and the demo CRM/softphone pages the extension is injected into by
// default. Every API error has the ApiError shape; a bad request is a 4xx, never a 5xx (R21).
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { API_PREFIX, type ApiErrorCode } from '../lib/schema/api';
import type { AppEnv } from './auth/context';
import { type AuthOptions, authRoutes } from './auth/routes';
import { callRoutes } from './calls/routes';
import type { ServerDeps } from './deps';
import { documentRoutes } from './documents/routes';
import { feedbackRoutes } from './feedback/routes';
import { ApiFailure, errorResponse } from './http/errors';
import { reportRoutes } from './reports/routes';
import { statsRoutes } from './stats/routes';
import { syncRoutes } from './sync/routes';
import { teamRoutes } from './teams/routes';
import { userRoutes } from './users/routes';

const DEMO_ROOT = fileURLToPath(new URL('../demo/', import.meta.url));

export const MAX_BODY_BYTES = 1024 * 1024;
/** Endpoints that set a body limit of their own (a full push batch may exceed 1 MiB). */
const OWN_BODY_LIMIT = new Set([`${API_PREFIX}/sync/push`]);

const HTTP_CODES: Partial<Record<number, ApiErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
};

export type AppOptions = ServerDeps & AuthOptions;

export function createApp(deps: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/health', (c) => c.json({ ok: true }));

  app.use(`${API_PREFIX}/*`, async (c, next) => {
    c.set('db', deps.db);
    await next();
  });
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 'too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`),
  });
  app.use(`${API_PREFIX}/*`, (c, next) => (OWN_BODY_LIMIT.has(c.req.path) ? next() : limit(c, next)));
  app.route(`${API_PREFIX}/auth`, authRoutes(deps));
  app.route(`${API_PREFIX}/users`, userRoutes(deps));
  app.route(`${API_PREFIX}/teams`, teamRoutes(deps));
  app.route(`${API_PREFIX}/sync`, syncRoutes(deps));
  app.route(`${API_PREFIX}/documents`, documentRoutes(deps));
  app.route(`${API_PREFIX}/calls`, callRoutes(deps));
  app.route(`${API_PREFIX}/feedback`, feedbackRoutes(deps));
  app.route(`${API_PREFIX}/stats`, statsRoutes(deps));
  app.route(`${API_PREFIX}/reports`, reportRoutes(deps));
  app.all('/api/*', (c) => errorResponse(c, 'not_found', `no such endpoint: ${c.req.method} ${c.req.path}`));

  app.onError((error, c) => {
    if (error instanceof ApiFailure) return errorResponse(c, error.code, error.message, error.extra);
    // Hono's own refusals (e.g. a malformed request it could not read) stay 4xx.
    if (error instanceof HTTPException && error.status < 500) {
      const code = HTTP_CODES[error.status] ?? 'bad_request';
      return errorResponse(c, code, error.message || 'the request was refused');
    }
    console.error(error);
    return errorResponse(c, 'internal', 'something went wrong on the server; it has been logged');
  });

  app.use(
    '/*',
    serveStatic({
      root: DEMO_ROOT,
      // Chromium refuses scripts that are not valid UTF-8; say the charset explicitly.
      onFound: (path, c) => {
        if (/\.(html|js|css)$/.test(path)) c.header('Cache-Control', 'no-store');
      },
    }),
  );
  return app;
}
