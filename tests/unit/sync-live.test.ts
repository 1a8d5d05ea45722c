// The live link: one WebSocket that says "something changed", a keepalive ping, reconnection with
// backoff, and a refused token ending in "login needed" (R10, R19).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { loadClassifier } from '@/lib/db/config-store';
import type { PanelDatabase } from '@/lib/db/database';
import { loadSession } from '@/lib/db/session-store';
import { LIVE_PING_MS } from '@/lib/schema/api';
import type { Syncer } from '@/lib/sync/syncer';
import { freshDb } from './helpers';
import { type FakeServerSocket, FakeSyncServer, manualTimers, publishClassifier, testSyncer } from './sync-fake-server';

let db: PanelDatabase;
let syncer: Syncer;
afterEach(async () => {
  syncer?.stop();
  await db?.delete();
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function online() {
  const server = new FakeSyncServer();
  const sockets: FakeServerSocket[] = [];
  const Recording = class extends server.WebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  };
  const timers = manualTimers();
  db = freshDb();
  syncer = testSyncer(db, server, { WebSocket: Recording, timers });
  await syncer.login({ server: server.url, ...server.operator });
  await syncer.syncNow();
  await vi.waitFor(() => expect(syncer.status().live).toBe(true));
  return { server, sockets, timers };
}

describe('live link', () => {
  it('opens one socket to <server>/api/v1/live and says hello with the token', async () => {
    const { server, sockets } = await online();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('wss://sync.test/ops/api/v1/live');
    const { token } = await loadSession(db);
    expect(sockets[0]!.sent[0]).toEqual({ type: 'hello', token });
    await syncer.syncNow();
    expect(sockets).toHaveLength(1);
    expect(server.liveConnections).toBe(1);
  });

  it('R10: a publish is pulled as soon as the server says "changed"', async () => {
    const { server } = await online();
    const types = DEFAULT_CLASSIFIER.types.slice(0, 3);
    await publishClassifier(server, server.lead, server.teamId, types);
    await vi.waitFor(async () =>
      expect((await loadClassifier(db)).types.map((t) => t.id)).toEqual(types.map((t) => t.id)),
    );
  });

  it('pings every LIVE_PING_MS to keep the worker alive', async () => {
    const { sockets, timers } = await online();
    const ping = timers.pending.find((t) => t.ms === LIVE_PING_MS);
    expect(ping).toBeDefined();
    ping!.run();
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'ping' });
    expect(timers.pending.filter((t) => t.ms === LIVE_PING_MS)).toHaveLength(1);
  });

  it('reconnects with backoff when the connection drops, and pulls what it may have missed', async () => {
    const { server, sockets, timers } = await online();
    const pulls = () => server.requests.filter((r) => r === 'GET /sync/pull').length;
    server.dropLiveConnections();
    await vi.waitFor(() => expect(syncer.status().live).toBe(false));
    const reconnect = timers.pending.find((t) => t.ms >= 500 && t.ms <= 1000);
    expect(reconnect).toBeDefined();
    const before = pulls();
    reconnect!.run();
    await vi.waitFor(() => expect(syncer.status().live).toBe(true));
    expect(sockets).toHaveLength(2);
    await vi.waitFor(() => expect(pulls()).toBeGreaterThan(before));
  });

  it('R19: a revoked token is refused on reconnect: login needed, no more reconnects', async () => {
    const { server, timers } = await online();
    server.revokeTokens('operator');
    server.dropLiveConnections();
    await vi.waitFor(() => expect(syncer.status().live).toBe(false));
    timers.pending.find((t) => t.ms >= 500 && t.ms <= 1000)!.run();
    await vi.waitFor(() => expect(syncer.status().state).toBe('login'));
    await tick();
    expect(timers.pending.filter((t) => t.ms >= 500 && t.ms <= 1000 && t.ms !== 300)).toHaveLength(0);
    expect(await loadSession(db)).toMatchObject({ token: null, user: { login: 'operator' } });
  });

  it('logout closes the link', async () => {
    const { server } = await online();
    await syncer.logout();
    await tick();
    expect(server.liveConnections).toBe(0);
    expect(syncer.status()).toMatchObject({ state: 'login', live: false });
  });
});
