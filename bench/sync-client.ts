// `backlog_500_upload_ms`: an operator's shift recorded offline (500 outbox events from real call,
// tag and end operations), then the extension's own sync engine (lib/sync, on an IndexedDB
// implementation in Node) uploads it to the real server over HTTP. Baseline in the same run: one
// bare authenticated HTTP round trip to the same server, so the figure can be read against it.
import 'fake-indexeddb/auto';
import { ulid } from 'ulid';
import { endCall, startCall, tagCall } from '../lib/calls/call-store';
import { DEFAULT_CLASSIFIER } from '../lib/classifier/defaults';
import { PanelDatabase } from '../lib/db/database';
import { deviceIdentity } from '../lib/db/outbox';
import { loadSession } from '../lib/db/session-store';
import { Syncer } from '../lib/sync/syncer';
import type { RunningServer } from '../server/start';

const BACKLOG = 500;
const ROUNDS = 3;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Records calls (start, tag, end: three events each) until the outbox holds `count` events. */
async function recordShift(db: PanelDatabase, count: number, startAt: number): Promise<void> {
  let at = startAt;
  for (let call = 0; (await db.outbox.count()) < count; call++) {
    await startCall(db, { source: 'webrtc', origin: 'http://127.0.0.1:8787', tabId: 1, direction: 'inbound' }, at);
    if ((await db.outbox.count()) < count) {
      await tagCall(db, DEFAULT_CLASSIFIER.types[call % 8]!.id, undefined, at + 1000);
    }
    if ((await db.outbox.count()) < count) await endCall(db, at + 95_000);
    at += 120_000;
  }
}

export async function measureBacklog(server: RunningServer): Promise<Record<string, number>> {
  const operator = server.seeded?.users.find((u) => u.role === 'operator');
  if (!operator) throw new Error('the demo seed has no operator');
  const timings: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const db = new PanelDatabase(`bench-backlog-${ulid()}`);
    // No live socket and no Web Locks in Node: the upload path is what is measured.
    const syncer = new Syncer({ db, fetch: (request) => fetch(request), WebSocket: null, locks: null });
    try {
      await recordShift(db, BACKLOG, Date.now() - 8 * 3600_000);
      if ((await db.outbox.count()) !== BACKLOG) throw new Error('the backlog is not 500 events');
      await syncer.login({ server: server.url, login: operator.login, password: operator.password });
      const { token } = await loadSession(db);
      const base = performance.now();
      const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      await me.arrayBuffer();
      baselines.push(performance.now() - base);

      const started = performance.now();
      while ((await db.outbox.count()) > 0) await syncer.syncNow();
      timings.push(performance.now() - started);
      const [stored] = await server.db.query<{ n: number }>(
        'select count(*)::int8 as n from events e join devices d using (device_id) where d.device_id = $1',
        [(await deviceIdentity(db)).deviceId],
      );
      if (stored?.n !== BACKLOG) throw new Error(`the server holds ${stored?.n} of ${BACKLOG} events`);
    } finally {
      syncer.stop();
      db.close();
      await db.delete();
    }
  }
  timings.sort((a, b) => a - b);
  baselines.sort((a, b) => a - b);
  return {
    backlog_500_upload_ms: round(timings[Math.floor(ROUNDS / 2)]!),
    backlog_roundtrip_ms: round(baselines[Math.floor(ROUNDS / 2)]!),
  };
}
