// The HTTP app: the demo CRM/softphone pages (what the extension is injected into by default) and
// a health check. The sync API mounts here under /api/v1.
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const DEMO_ROOT = fileURLToPath(new URL('../demo/', import.meta.url));

export function createApp(): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ ok: true }));
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
