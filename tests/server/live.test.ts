// The live channel on every test database (R10): hello with a token, ready/unauthorized, ping/pong,
// "changed" to every client of the publishing organisation and to no other, sockets closed for a
// missing hello, silence or a revoked token (R19), a publish on one process reaching clients of
// another through PostgreSQL LISTEN/NOTIFY, and fan-out to 2 000 clients.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import type { LiveDown } from '../../lib/schema/api';
import { hashToken, revokeToken } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { openPostgres } from '../../server/db/postgres';
import { publishVersion } from '../../server/documents/publish';
import { LIVE_CLOSE, LIVE_PATH, LiveHub, type LiveTimings } from '../../server/live/hub';
import { openTestApi, type TestApi } from '../support/api';
import { testDatabases } from '../support/server-db';

interface TestClient {
  socket: WebSocket;
  messages: LiveDown[];
  closed: Promise<number>;
  next(): Promise<LiveDown>;
}

function connect(url: string): Promise<TestClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const messages: LiveDown[] = [];
    const waiting: ((m: LiveDown) => void)[] = [];
    let seen = 0;
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as LiveDown;
      messages.push(message);
      waiting.shift()?.(message);
    });
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('open', () =>
      resolve({
        socket,
        messages,
        closed,
        next() {
          const index = seen++;
          const ready = messages[index];
          return ready ? Promise.resolve(ready) : new Promise((done) => waiting.push(done));
        },
      }),
    );
    socket.on('error', reject);
  });
}

async function hello(url: string, token: string): Promise<TestClient> {
  const client = await connect(url);
  client.socket.send(JSON.stringify({ type: 'hello', token }));
  expect(await client.next()).toEqual({ type: 'ready' });
  return client;
}

async function listenOn(hub: LiveHub): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  hub.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}${LIVE_PATH}` };
}

describe.each(testDatabases())('live channel on $name', (target) => {
  let api: TestApi;
  const opened: { hub: LiveHub; server: Server }[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(async () => {
    for (const s of sockets) s.terminate();
    for (const { hub, server } of opened) {
      await hub.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await api.close();
  });

  async function startHub(db: Database = api.db, timings: Partial<LiveTimings> = {}) {
    const hub = new LiveHub({ db, now: () => api.clock.now }, timings);
    await hub.start();
    const { server, url } = await listenOn(hub);
    opened.push({ hub, server });
    return { hub, url };
  }
  const track = (client: TestClient) => {
    sockets.push(client.socket);
    return client;
  };
  const publish = (orgId: string, db: Database = api.db) =>
    publishVersion(db, {
      orgId,
      kind: 'classifier',
      teamId: null,
      body: DEFAULT_CLASSIFIER,
      note: 'live',
      publishedBy: orgId === api.org.id ? api.users.admin.id : api.users.outsider.id,
      now: api.clock.now,
    });

  test('R10: hello, ping/pong, and "changed" to the clients of the publishing organisation only', async () => {
    const { hub, url } = await startHub();
    const operator = track(await hello(url, await api.tokenOf('operator')));
    const lead = track(await hello(url, await api.tokenOf('lead')));
    const outsider = track(await hello(url, await api.tokenOf('outsider')));
    expect(hub.clientCount).toBe(3);
    operator.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await operator.next()).toEqual({ type: 'pong' });
    const started = Date.now();
    const version = await publish(api.org.id);
    expect(await operator.next()).toEqual({ type: 'changed', cursor: version.cursor });
    expect(await lead.next()).toEqual({ type: 'changed', cursor: version.cursor });
    expect(Date.now() - started).toBeLessThan(2000);
    const theirs = await publish(api.otherOrg.id);
    expect(await outsider.next()).toEqual({ type: 'changed', cursor: theirs.cursor });
    expect(operator.messages.filter((m) => m.type === 'changed')).toHaveLength(1);
    operator.socket.close();
    await operator.closed;
    await expect.poll(() => hub.clientCount).toBe(2);
  });

  test('a bad token is answered unauthorized and closed; so is a first message that is not hello', async () => {
    const { url } = await startHub();
    const bad = track(await connect(url));
    bad.socket.send(JSON.stringify({ type: 'hello', token: 'not-a-real-token-at-all' }));
    expect(await bad.next()).toEqual({ type: 'unauthorized' });
    expect(await bad.closed).toBe(LIVE_CLOSE.unauthorized);
    const rude = track(await connect(url));
    rude.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await rude.closed).toBe(LIVE_CLOSE.badMessage);
    const garbage = track(await connect(url));
    garbage.socket.send('{"type":');
    expect(await garbage.closed).toBe(LIVE_CLOSE.badMessage);
    const huge = track(await connect(url));
    huge.socket.send(JSON.stringify({ type: 'hello', token: 'x'.repeat(10_000) }));
    expect(await huge.closed).toBe(1009); // over maxPayload
  });

  test('no hello in time and silence close the socket', async () => {
    const { hub, url } = await startHub(api.db, { helloTimeoutMs: 300, silenceMs: 600, sweepMs: 50 });
    const mute = track(await connect(url));
    expect(await mute.closed).toBe(LIVE_CLOSE.helloTimeout);
    const quiet = track(await hello(url, await api.tokenOf('operator')));
    const chatty = track(await hello(url, await api.tokenOf('operator')));
    const keepAlive = setInterval(() => chatty.socket.send(JSON.stringify({ type: 'ping' })), 100);
    try {
      await quiet.closed;
      expect(chatty.socket.readyState).toBe(WebSocket.OPEN);
      expect(hub.clientCount).toBe(1);
    } finally {
      clearInterval(keepAlive);
    }
  });

  test('R19: a revoked token closes its socket at the next recheck', async () => {
    const { url } = await startHub(api.db, { recheckMs: 100 });
    const token = await api.tokenOf('operator');
    const kept = track(await hello(url, await api.tokenOf('operator')));
    const revoked = track(await hello(url, token));
    await revokeToken(api.db, hashToken(token), api.clock.now);
    expect(await revoked.closed).toBe(LIVE_CLOSE.unauthorized);
    expect(revoked.messages.at(-1)).toEqual({ type: 'unauthorized' });
    expect(kept.socket.readyState).toBe(WebSocket.OPEN);
  });

  test('a publish reaches the clients of every hub listening on the same database', async () => {
    // Two hubs: on PostgreSQL two connections to one database, as two server processes would be;
    // on PGlite two hubs of one process.
    let second = api.db;
    if (target.name === 'postgres') {
      const [{ name } = { name: '' }] = await api.db.query<{ name: string }>('select current_database() as name');
      const url = new URL(process.env.DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      second = await openPostgres(url.toString());
    }
    try {
      const one = await startHub(api.db);
      const two = await startHub(second);
      const onOne = track(await hello(one.url, await api.tokenOf('operator')));
      const onTwo = track(await hello(two.url, await api.tokenOf('lead')));
      // Published through the first process's database handle.
      const version = await publish(api.org.id, api.db);
      expect(await onOne.next()).toEqual({ type: 'changed', cursor: version.cursor });
      expect(await onTwo.next()).toEqual({ type: 'changed', cursor: version.cursor });
      // And the other way round.
      const back = await publish(api.org.id, second);
      expect(await onOne.next()).toEqual({ type: 'changed', cursor: back.cursor });
      expect(await onTwo.next()).toEqual({ type: 'changed', cursor: back.cursor });
    } finally {
      if (second !== api.db) {
        for (const entry of opened.splice(-2)) {
          await entry.hub.close();
          entry.server.closeAllConnections();
          await new Promise((resolve) => entry.server.close(resolve));
        }
        await second.close();
      }
    }
  });

  test('fan-out: 2 000 connected clients all hear one publish within 2 s', { timeout: 120_000 }, async () => {
    const { hub, url } = await startHub();
    const token = await api.tokenOf('operator');
    const before = hub.clientCount;
    let changed = 0;
    let resolveAll: () => void = () => {};
    const all = new Promise<void>((resolve) => {
      resolveAll = resolve;
    });
    const COUNT = 2000;
    for (let batch = 0; batch < COUNT / 100; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, async () => {
          const socket = new WebSocket(url);
          sockets.push(socket);
          await new Promise((resolve, reject) => {
            socket.on('open', resolve);
            socket.on('error', reject);
          });
          const ready = new Promise((resolve) => socket.once('message', resolve));
          socket.send(JSON.stringify({ type: 'hello', token }));
          await ready;
          socket.on('message', (data) => {
            if ((JSON.parse(data.toString()) as LiveDown).type === 'changed' && ++changed === COUNT) resolveAll();
          });
        }),
      );
    }
    expect(hub.clientCount - before).toBe(COUNT);
    const started = performance.now();
    await publish(api.org.id);
    await all;
    const elapsed = performance.now() - started;
    expect(changed).toBe(COUNT);
    expect(elapsed).toBeLessThan(2000);
  });
});
