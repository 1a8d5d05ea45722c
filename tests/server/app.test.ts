// The app around the endpoints: settings parsing, health, the demo pages, the JSON 404 and 500
// of the API, and a real server started on a port (with its data-folder lock).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { describeDatabase, parseEnv } from '../../server/env';
import { startServer } from '../../server/start';
import { openTestApi, type TestApi } from '../support/api';
import { testDatabases } from '../support/server-db';

describe('settings', () => {
  test('defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', TOKEN_TTL_HOURS: 720, TRUST_PROXY: false, DEMO: false });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(isAbsolute(env.DATA_DIR)).toBe(true);
    expect(env.DATA_DIR.endsWith(join('/', 'data'))).toBe(true);
  });

  test('values are read and converted', () => {
    const env = parseEnv({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: 'memory://',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5433/panel',
      TOKEN_TTL_HOURS: '12',
      TRUST_PROXY: 'Yes',
      DEMO: '1',
      UNRELATED: 'whatever',
    });
    expect(env).toEqual({
      PORT: 9000,
      HOST: '0.0.0.0',
      DATA_DIR: 'memory://',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5433/panel',
      TOKEN_TTL_HOURS: 12,
      TRUST_PROXY: true,
      DEMO: true,
    });
    const off = parseEnv({ TRUST_PROXY: 'off', DEMO: 'false', DATABASE_URL: '' });
    expect(off).toMatchObject({ TRUST_PROXY: false, DEMO: false });
    expect(off.DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATA_DIR: '/var/lib/panel' }).DATA_DIR).toBe('/var/lib/panel');
  });

  test.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['TOKEN_TTL_HOURS', '0'],
    ['TOKEN_TTL_HOURS', 'forever'],
    ['TRUST_PROXY', 'maybe'],
    ['DEMO', 'sure'],
  ])('a bad %s (%s) stops start-up naming the setting', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`Invalid server setting.*${name}`));
  });

  test('the database description never shows a password', () => {
    expect(describeDatabase({ DATABASE_URL: 'postgres://app:s3cret@db.internal:5433/panel', DATA_DIR: '/x' })).toBe(
      'PostgreSQL db.internal:5433/panel',
    );
    expect(describeDatabase({ DATABASE_URL: undefined, DATA_DIR: '/srv/data' })).toBe('PGlite in /srv/data');
  });
});

describe.each(testDatabases())('the app on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  test('health and the demo pages', async () => {
    expect(await api.request('GET', '/health')).toMatchObject({ status: 200, body: { ok: true } });
    const page = await api.request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  test('unknown API paths answer a JSON 404', async () => {
    for (const path of ['/api/v1/nope', '/api/v2/auth/login', '/api/v1/users/x/y/z']) {
      const answer = await api.request('GET', path, { as: 'admin' });
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });

  test('an unexpected failure is a generic 500 that does not reveal the error', async () => {
    const broken: Database = {
      ...api.db,
      query: async () => {
        throw new Error('connection to 10.0.0.5 lost: secret detail');
      },
    };
    const app = createApp({ db: broken, now: () => api.clock.now });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: 'whatever' }),
      });
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body.error.code).toBe('internal');
      expect(JSON.stringify(body)).not.toContain('secret');
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });
});

describe('startServer', () => {
  test('serves the API and the demo pages on a free port, in memory by default', async () => {
    const server = await startServer({ port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.seeded).toBeNull();
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/`)).status).toBe(200);
      const me = await fetch(`${server.url}/api/v1/auth/me`);
      expect(me.status).toBe(401);
      expect((await me.json()).error.code).toBe('unauthorized');
      const big = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(2 * 1024 * 1024),
      });
      expect(big.status).toBe(413);
      // The rate limit counts the TCP peer's address (no proxy is trusted by default).
      const wrong = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ login: 'nobody', password: 'wrong' }),
      });
      expect(wrong.status).toBe(401);
      const keys = await server.db.query<{ key: string }>('select key from login_failures order by key');
      expect(keys.map((k) => k.key)).toEqual(['addr:127.0.0.1', 'login:nobody']);
    } finally {
      await server.close();
    }
  });

  test('one process at a time on a PGlite data folder; the lock goes with the server', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'op-panel-data-'));
    try {
      const first = await startServer({ port: 0, dataDir: dir });
      try {
        await expect(startServer({ port: 0, dataDir: dir })).rejects.toThrow(/in use by process/);
      } finally {
        await first.close();
      }
      const second = await startServer({ port: 0, dataDir: dir });
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
