// Starts everything a server process runs: opens (and migrates) the database, seeds the demo
// organisation in demo mode, serves the app on a port (0 = any free one) and attaches the live
// WebSocket hub. Used by `npm start` (server/main.ts) and by tests that need a real server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDatabaseLocked } from './data-lock';
import type { Database } from './db/database';
import { type DemoSeed, seedDemo } from './demo/seed';
import { LiveHub } from './live/hub';

export interface StartOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  host?: string;
  /** PGlite's folder; `memory://` (the default) keeps nothing. Ignored with databaseUrl. */
  dataDir?: string;
  /** postgres:// URL: use PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** Seed the demo organisation when the database has none. */
  demo?: boolean;
  /** Take the client address for the login rate limit from X-Forwarded-For. */
  trustProxy?: boolean;
  tokenTtlMs?: number;
  now?: () => number;
  /** Start-up progress; silent when not given. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  db: Database;
  hub: LiveHub;
  /** What the demo seed created in this start (with the passwords), or null. */
  seeded: DemoSeed | null;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const db = await openDatabaseLocked({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? 'memory://' });
  try {
    const deps = { db, now };
    const seeded = options.demo ? await seedDemo(deps) : null;
    if (seeded) log('Demo organisation created.');
    const app = createApp({ ...deps, trustProxy: options.trustProxy, tokenTtlMs: options.tokenTtlMs });
    const hub = new LiveHub(deps);
    await hub.start();
    const { server, port } = await listen(app.fetch, options.port ?? 0, host).catch(async (error: unknown) => {
      await hub.close();
      throw error;
    });
    hub.attach(server);
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
      db,
      hub,
      seeded,
      close: () => {
        closing ??= (async () => {
          await hub.close();
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          await db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, host: string) {
  return new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) =>
      resolve({ server: server as Server, port: info.port }),
    ) as Server;
    server.on('error', reject);
  });
}
