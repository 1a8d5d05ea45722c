// The session with the sync server (R19): the token lives only in the background's database,
// never in what callers receive; an expired or revoked token means "login needed" and leaves the
// outbox alone; events recorded while logged out upload after the next login.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPanelState } from '@/lib/background/panel-feed';
import type { PanelDatabase } from '@/lib/db/database';
import { deviceIdentity } from '@/lib/db/outbox';
import { loadSession } from '@/lib/db/session-store';
import type { Syncer } from '@/lib/sync/syncer';
import { freshDb, T0 } from './helpers';
import { FakeSyncServer, recordCalls, testSyncer } from './sync-fake-server';

let db: PanelDatabase;
let syncer: Syncer | undefined;
afterEach(async () => {
  syncer?.stop();
  await db?.delete();
});

async function loggedIn(server: FakeSyncServer, options: Parameters<typeof testSyncer>[2] = {}) {
  db = freshDb();
  syncer = testSyncer(db, server, options);
  const state = await syncer.login({ server: `${server.url}/`, ...server.operator });
  await syncer.syncNow();
  return state;
}

async function serverCount(server: FakeSyncServer) {
  return (await server.storedEvents((await deviceIdentity(db)).deviceId)).length;
}

describe('login', () => {
  it('R19: stores the session in the background database; what callers get has no token', async () => {
    const server = new FakeSyncServer();
    const state = await loggedIn(server);
    const stored = await loadSession(db);
    expect(stored.token).toMatch(/^tok_/);
    expect(state).toEqual({
      server: server.url,
      user: expect.objectContaining({ login: 'operator' }),
      expiresAt: stored.expiresAt,
    });
    expect(JSON.stringify(state)).not.toContain(stored.token);
    expect(JSON.stringify(await syncer!.sessionState())).not.toContain(stored.token);
    expect(JSON.stringify(syncer!.status())).not.toContain(stored.token);
    const panel = await readPanelState(db, 'http://localhost:5173', T0, syncer!.status());
    expect(JSON.stringify(panel)).not.toContain(stored.token);
    expect(syncer!.status().state).toBe('synced');
  });

  it('refuses a wrong password or a server address that is not http(s), and stores nothing', async () => {
    const server = new FakeSyncServer();
    db = freshDb();
    syncer = testSyncer(db, server);
    await expect(syncer.login({ server: server.url, login: 'operator', password: 'wrong' })).rejects.toMatchObject({
      kind: 'login',
      message: 'wrong login or password',
    });
    await expect(syncer.login({ server: 'file:///etc', ...server.operator })).rejects.toMatchObject({ kind: 'error' });
    expect((await loadSession(db)).token).toBeNull();
  });

  it('without a server the status is off; after logout it is login', async () => {
    const server = new FakeSyncServer();
    db = freshDb();
    syncer = testSyncer(db, server);
    expect((await syncer.syncNow()).state).toBe('off');
    await syncer.login({ server: server.url, ...server.operator });
    await syncer.logout();
    expect(syncer.status().state).toBe('login');
    expect(await syncer.sessionState()).toEqual({ server: server.url, user: null, expiresAt: null });
  });
});

describe('a shared computer', () => {
  it("another user cannot log in while the previous user's events wait; they upload under their owner", async () => {
    const server = new FakeSyncServer();
    await loggedIn(server);
    await syncer!.logout();
    // Recorded after the operator logged out (e.g. offline at the end of the shift): still theirs.
    await recordCalls(db, 2, T0);
    const waiting = await db.outbox.count();
    expect(waiting).toBeGreaterThan(0);
    await expect(syncer!.login({ server: server.url, ...server.lead })).rejects.toThrow(
      /events recorded while operator was logged in are still waiting/,
    );
    expect(await db.outbox.count()).toBe(waiting);
    expect((await loadSession(db)).token).toBeNull();
    // The owner logs in: everything uploads; then the other user may log in.
    await syncer!.login({ server: server.url, ...server.operator });
    await syncer!.syncNow();
    expect(await db.outbox.count()).toBe(0);
    await expect(syncer!.login({ server: server.url, ...server.lead })).resolves.toMatchObject({
      user: expect.objectContaining({ login: 'lead' }),
    });
  });
});

describe('losing the token', () => {
  it('R19: an expired token (by the local clock) means login needed; the outbox is untouched', async () => {
    const server = new FakeSyncServer();
    let now = Date.now();
    await loggedIn(server, { now: () => now });
    await recordCalls(db, 2, T0);
    const outbox = await db.outbox.toArray();
    now += server.tokenTtlMs + 60_000;
    const status = await syncer!.syncNow();
    expect(status).toMatchObject({ state: 'login', waiting: 6 });
    expect(await db.outbox.toArray()).toEqual(outbox);
    const session = await loadSession(db);
    expect(session).toMatchObject({ server: server.url, token: null, user: { login: 'operator' } });
  });

  it('R19: a token the server refuses (revoked) means login needed at once; the outbox waits for the next login', async () => {
    const server = new FakeSyncServer();
    await loggedIn(server);
    await recordCalls(db, 1, T0);
    await syncer!.syncNow();
    expect(await serverCount(server)).toBe(3);

    server.revokeTokens('operator');
    await recordCalls(db, 2, T0 + 600_000);
    const status = await syncer!.syncNow();
    expect(status).toMatchObject({ state: 'login', waiting: 6 });
    expect(await syncer!.sessionState()).toMatchObject({ user: { login: 'operator' }, expiresAt: null });
    expect(await db.outbox.count()).toBe(6);

    await syncer!.login({ server: server.url, ...server.operator });
    await expect(syncer!.syncNow()).resolves.toMatchObject({ state: 'synced', waiting: 0 });
    expect(await serverCount(server)).toBe(9);
  });

  it('R19: logout revokes the token on the server but never touches the outbox', async () => {
    const server = new FakeSyncServer();
    await loggedIn(server);
    const token = (await loadSession(db)).token;
    await recordCalls(db, 1, T0);
    await syncer!.logout();
    expect(server.authenticateToken(token)).toBeNull();
    expect(await db.outbox.count()).toBe(3);
    expect((await syncer!.syncNow()).state).toBe('login');
    await recordCalls(db, 1, T0 + 600_000);
    expect(await db.outbox.count()).toBe(6);

    await syncer!.login({ server: server.url, ...server.operator });
    await syncer!.syncNow();
    expect(await db.outbox.count()).toBe(0);
    expect(await serverCount(server)).toBe(6);
  });

  it('logout works offline too: the token is forgotten locally', async () => {
    const server = new FakeSyncServer();
    await loggedIn(server);
    db.close();
    db.open();
    const offline = testSyncer(db, server, {
      fetch: async () => {
        throw new TypeError('offline');
      },
    });
    await offline.logout();
    expect((await loadSession(db)).token).toBeNull();
    offline.stop();
  });
});

describe('where the token may not be', () => {
  it('R19: no background or sync module touches browser.storage (content scripts can read it)', () => {
    const root = join(__dirname, '..', '..');
    const sources = ['lib/sync', 'lib/db', 'lib/background']
      .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)))
      .concat([join(root, 'entrypoints/background.ts')])
      .filter((path) => statSync(path).isFile());
    const offenders = sources.filter((path) =>
      /\bstorage\s*\.\s*(local|sync|session|managed)\b/.test(readFileSync(path, 'utf8')),
    );
    expect(offenders).toEqual([]);
    expect(sources.length).toBeGreaterThan(10);
  });
});
