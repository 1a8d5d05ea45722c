// Server-side sync benchmarks, each judged against a baseline measured in the same run:
// - ingest: our push endpoint (HTTP, validation, exactly-once bookkeeping, projection), driven by a
//   client in its own process, vs the floor of raw multi-row INSERTs of the same rows into the same
//   `events` table from inside the server process;
// - poke: publish a document -> every one of 2 000 connected WebSocket clients told "changed".
// PGlite always; PostgreSQL (`_pg` keys) when DATABASE_URL is set, on a throwaway database.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ulid } from 'ulid';
import WebSocket from 'ws';
import { DEFAULT_CLASSIFIER } from '../lib/classifier/defaults';
import type { OutboxEvent } from '../lib/schema/events';
import type { Database } from '../server/db/database';
import { type RunningServer, startServer } from '../server/start';
import { demoLogin } from '../tests/support/browser';
import { createThrowawayPostgres } from '../tests/support/server-db';
import { measureBacklog } from './sync-client';
import { deviceEvents } from './sync-events';

const INGEST_DEVICES = 20;
const INGEST_EVENTS_PER_DEVICE = 1000;
const BATCH = 500;
const INGEST_TURNS = 4;
export const POKE_CLIENTS = 2000;
const POKE_ROUNDS = 5;

const log = (message: string) => console.log(`[bench] ${message}`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/** Sends the batches from a separate process (bench/push-client.ts), as real clients are. */
function pushFromClientProcess(
  server: RunningServer,
  token: string,
  batches: { deviceId: string; events: OutboxEvent[] }[],
) {
  const dir = mkdtempSync(join(tmpdir(), 'op-bench-'));
  const file = join(dir, 'bodies.json');
  writeFileSync(file, JSON.stringify(batches.map((b) => JSON.stringify(b))));
  return new Promise<number>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./push-client.ts', import.meta.url)), server.url, token, file],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        if (error) reject(new Error(`push client failed: ${stderr || error.message}`));
        else resolve((JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number }).ms);
      },
    );
  });
}

/**
 * The floor: raw multi-row INSERTs of the same rows our push stores (every column, team included),
 * one transaction per batch, from inside the server process (no HTTP, no checks, no projection).
 */
async function floorInsert(db: Database, batches: OutboxEvent[][], user: FloorUser): Promise<number> {
  const started = performance.now();
  for (const batch of batches) {
    await db.transaction(async (tx) => {
      const params: unknown[] = [];
      const rows = batch.map((e) => {
        const n = params.length;
        params.push(
          e.id,
          e.deviceId,
          e.seq,
          user.org_id,
          user.id,
          user.team_id,
          e.type,
          e.at,
          e.schemaVersion,
          JSON.stringify(e.payload),
          e.at,
        );
        return `(${Array.from({ length: 11 }, (_, i) => `$${n + i + 1}${i === 9 ? '::jsonb' : ''}`).join(',')})`;
      });
      await tx.query(
        `insert into events (id, device_id, seq, org_id, user_id, team_id, type, at, schema_version, payload,
                             received_at) values ${rows.join(',')}`,
        params,
      );
    });
  }
  return performance.now() - started;
}

interface FloorUser {
  id: string;
  org_id: string;
  team_id: string | null;
}

function makeBatches(now: number, devices: number): { deviceId: string; events: OutboxEvent[] }[] {
  const batches: { deviceId: string; events: OutboxEvent[] }[] = [];
  for (let d = 0; d < devices; d++) {
    const deviceId = ulid();
    const events = deviceEvents(deviceId, INGEST_EVENTS_PER_DEVICE, now - 86_400_000 + d * 1000);
    for (let i = 0; i < events.length; i += BATCH) batches.push({ deviceId, events: events.slice(i, i + BATCH) });
  }
  return batches;
}

/** Device rows for the floor's batches, made before its timed part: the floor is the INSERT alone. */
async function floorDevices(db: Database, batches: { deviceId: string }[], user: FloorUser): Promise<void> {
  for (const deviceId of new Set(batches.map((b) => b.deviceId))) {
    await db.query(
      'insert into devices (device_id, org_id, user_id, last_seq, created_at, updated_at) values ($1, $2, $3, 0, 0, 0)',
      [deviceId, user.org_id, user.id],
    );
  }
}

/**
 * Ours and the floor take alternating turns over the same amount of work, each after its own
 * warm-up, so a burst of load from elsewhere on a shared machine falls on both rather than on one.
 */
export async function measureIngest(server: RunningServer): Promise<{ ours: number; floor: number }> {
  const { token } = await demoLogin(server, 'operator');
  const [user] = await server.db.query<FloorUser>(
    `select u.id, u.org_id, (select m.team_id from user_teams m where m.user_id = u.id order by m.team_id limit 1)
            as team_id
       from users u where u.role = 'operator' order by u.login limit 1`,
  );
  if (!user) throw new Error('no operator');
  const [before] = await server.db.query<{ n: number }>('select count(*)::int8 as n from events');
  // Warm-up, both sides: the first statements' planning and the first allocations are not counted.
  const warm = makeBatches(Date.now() - 7 * 86_400_000, 1);
  await pushFromClientProcess(server, token, warm);
  const warmFloor = makeBatches(Date.now() - 7 * 86_400_000, 1);
  await floorDevices(server.db, warmFloor, user);
  await floorInsert(
    server.db,
    warmFloor.map((b) => b.events),
    user,
  );

  let oursMs = 0;
  let floorMs = 0;
  const perTurn = INGEST_DEVICES / INGEST_TURNS;
  for (let turn = 0; turn < INGEST_TURNS; turn++) {
    oursMs += await pushFromClientProcess(server, token, makeBatches(Date.now() - turn * 3_600_000, perTurn));
    const floorBatches = makeBatches(Date.now() - turn * 3_600_000, perTurn);
    await floorDevices(server.db, floorBatches, user);
    floorMs += await floorInsert(
      server.db,
      floorBatches.map((b) => b.events),
      user,
    );
  }
  const total = INGEST_DEVICES * INGEST_EVENTS_PER_DEVICE;
  const [after] = await server.db.query<{ n: number }>('select count(*)::int8 as n from events');
  const stored = (after?.n ?? 0) - (before?.n ?? 0);
  const expected = 2 * (total + INGEST_EVENTS_PER_DEVICE);
  if (stored !== expected) throw new Error(`expected ${expected} events stored, found ${stored}`);
  return { ours: round(total / (oursMs / 1000), 0), floor: round(total / (floorMs / 1000), 0) };
}

/** Connects `n` live clients with the token; resolves when all said ready. */
async function connectClients(url: string, token: string, n: number, onChanged: (at: number) => void) {
  const sockets: WebSocket[] = [];
  const liveUrl = `${url.replace(/^http/, 'ws')}/api/v1/live`;
  const connectOne = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(liveUrl);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string };
        if (message.type === 'ready') resolve(socket);
        else if (message.type === 'changed') onChanged(performance.now());
        else if (message.type === 'unauthorized') reject(new Error('live: unauthorized'));
      });
      socket.on('error', reject);
    });
  for (let i = 0; i < n; i += 100) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, connectOne))));
  }
  return sockets;
}

async function measurePoke(server: RunningServer): Promise<{ p99: number; p50: number; clients: number }> {
  const { token: operatorToken } = await demoLogin(server, 'operator');
  const { token: adminToken } = await demoLogin(server, 'admin');
  let received: number[] = [];
  const sockets = await connectClients(server.url, operatorToken, POKE_CLIENTS, (at) => received.push(at));
  if (server.hub.clientCount < POKE_CLIENTS) throw new Error(`only ${server.hub.clientCount} live clients`);
  const delays: number[] = [];
  try {
    for (let round = 0; round < POKE_ROUNDS; round++) {
      received = [];
      const body = structuredClone(DEFAULT_CLASSIFIER);
      body.types[0]!.names.ru = `Тариф ${round}`;
      const started = performance.now();
      const answer = await fetch(`${server.url}/api/v1/documents/classifier/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ teamId: null, body, note: `bench ${round}` }),
      });
      if (!answer.ok) throw new Error(`publish: HTTP ${answer.status} ${await answer.text()}`);
      const deadline = Date.now() + 10_000;
      while (received.length < POKE_CLIENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      if (received.length < POKE_CLIENTS) throw new Error(`only ${received.length}/${POKE_CLIENTS} clients told`);
      delays.push(...received.map((at) => at - started));
    }
  } finally {
    for (const socket of sockets) socket.terminate();
  }
  return { p99: round(percentile(delays, 99)), p50: round(percentile(delays, 50)), clients: POKE_CLIENTS };
}

export async function measureSyncServer(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const pglite = await startServer({ demo: true });
  try {
    log(`ingest on PGlite: ${INGEST_DEVICES * INGEST_EVENTS_PER_DEVICE} events, ours vs raw INSERT`);
    const ingest = await measureIngest(pglite);
    results.ingest_events_per_s = ingest.ours;
    results.ingest_floor_events_per_s = ingest.floor;
    results.ingest_ratio = round(ingest.ours / ingest.floor, 2);
    log(`ingest: ${JSON.stringify(ingest)}`);
    log(`poke: ${POKE_CLIENTS} live clients, ${POKE_ROUNDS} publishes`);
    const poke = await measurePoke(pglite);
    results.poke_p99_ms = poke.p99;
    results.poke_p50_ms = poke.p50;
    results.poke_clients = poke.clients;
    log('backlog: 500 events recorded offline, uploaded by the sync engine');
    Object.assign(results, await measureBacklog(pglite));
  } finally {
    await pglite.close();
  }
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const target = await createThrowawayPostgres(baseUrl, 'op_bench');
    const server = await startServer({ demo: true, databaseUrl: target.url });
    try {
      log('ingest on PostgreSQL');
      const ingest = await measureIngest(server);
      results.ingest_events_per_s_pg = ingest.ours;
      results.ingest_floor_events_per_s_pg = ingest.floor;
      results.ingest_ratio_pg = round(ingest.ours / ingest.floor, 2);
    } finally {
      await server.close();
      await target.drop();
    }
  }
  return results;
}
