// The live channel (`/api/v1/live`, WebSocket): tells each connected panel "content of your
// organisation changed, pull now" (R10). It carries no data, so a missed message costs only a
// delay until the next alarm pull. Publishes on any server process reach every process's clients
// through PostgreSQL LISTEN/NOTIFY on CONTENT_CHANNEL (PGlite delivers it within the process).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { API_PREFIX, type LiveDown, LiveUp } from '../../lib/schema/api';
import { hashToken, userForToken } from '../auth/tokens';
import { CONTENT_CHANNEL, type ServerDeps } from '../deps';

export const LIVE_PATH = `${API_PREFIX}/live`;

export interface LiveTimings {
  /** A socket that has not said hello (with a valid token) by then is closed. */
  helloTimeoutMs: number;
  /** A socket silent for longer is dropped; clients ping every LIVE_PING_MS (20 s). */
  silenceMs: number;
  /** How often tokens of open sockets are checked again, so a revoked token's socket closes (R19). */
  recheckMs: number;
  /** How often the timeouts above are looked at. */
  sweepMs: number;
}

const DEFAULT_TIMINGS: LiveTimings = { helloTimeoutMs: 10_000, silenceMs: 60_000, recheckMs: 60_000, sweepMs: 5_000 };

/** Close codes in the private range, so a client can tell why it was closed. */
export const LIVE_CLOSE = { unauthorized: 4401, badMessage: 4400, helloTimeout: 4408 } as const;

/** A slow client with this much unsent data is dropped instead of buffering more for it. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

interface LiveClient {
  socket: WebSocket;
  connectedAt: number;
  lastSeen: number;
  /** Set once the hello's token checked out. */
  auth: { orgId: string; tokenHash: string } | null;
  checking: boolean;
}

function encode(message: LiveDown): Buffer {
  return Buffer.from(JSON.stringify(message));
}

const READY = encode({ type: 'ready' });
const PONG = encode({ type: 'pong' });
const UNAUTHORIZED = encode({ type: 'unauthorized' });

export class LiveHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  private readonly clients = new Set<LiveClient>();
  private readonly byOrg = new Map<string, Set<LiveClient>>();
  private readonly timings: LiveTimings;
  private readonly servers = new Map<Server, (req: IncomingMessage, socket: Duplex, head: Buffer) => void>();
  private unlisten: (() => Promise<void>) | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private recheckTimer: NodeJS.Timeout | null = null;
  private rechecking = false;

  constructor(
    private readonly deps: ServerDeps,
    timings: Partial<LiveTimings> = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  /** Sockets open right now, whether they have said hello yet or not. */
  get clientCount(): number {
    return this.clients.size;
  }

  async start(): Promise<void> {
    this.unlisten = await this.deps.db.listen(CONTENT_CHANNEL, (payload) => this.onNotify(payload));
    this.sweepTimer = setInterval(() => this.sweep(), this.timings.sweepMs);
    this.recheckTimer = setInterval(() => void this.recheckTokens(), this.timings.recheckMs);
    this.sweepTimer.unref();
    this.recheckTimer.unref();
  }

  /** Takes over HTTP upgrades to LIVE_PATH on this server. */
  attach(server: Server): void {
    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== LIVE_PATH) {
        // Leave other paths to other upgrade handlers; with none, refuse instead of hanging.
        if (server.listenerCount('upgrade') === 1) {
          socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        }
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
    };
    server.on('upgrade', onUpgrade);
    this.servers.set(server, onUpgrade);
  }

  async close(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    for (const [server, onUpgrade] of this.servers) server.off('upgrade', onUpgrade);
    this.servers.clear();
    await this.unlisten?.();
    this.unlisten = null;
    for (const client of this.clients) client.socket.terminate();
    this.clients.clear();
    this.byOrg.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    const now = Date.now();
    const client: LiveClient = { socket, connectedAt: now, lastSeen: now, auth: null, checking: false };
    this.clients.add(client);
    socket.on('message', (data, isBinary) => void this.onMessage(client, data, isBinary));
    socket.on('close', () => this.forget(client));
    socket.on('error', () => this.forget(client));
  }

  private forget(client: LiveClient): void {
    this.clients.delete(client);
    if (client.auth) {
      const set = this.byOrg.get(client.auth.orgId);
      set?.delete(client);
      if (set?.size === 0) this.byOrg.delete(client.auth.orgId);
    }
  }

  private send(client: LiveClient, data: Buffer): void {
    if (client.socket.readyState !== WebSocket.OPEN) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.socket.terminate();
      return;
    }
    client.socket.send(data, { binary: false });
  }

  /** Closes a socket; `unauthorized` is said only when the token is the problem (the client then logs in again). */
  private refuse(client: LiveClient, code: number, reason: string): void {
    if (code === LIVE_CLOSE.unauthorized) this.send(client, UNAUTHORIZED);
    client.socket.close(code, reason);
    this.forget(client);
  }

  private async onMessage(client: LiveClient, data: WebSocket.RawData, isBinary: boolean): Promise<void> {
    client.lastSeen = Date.now();
    let message: LiveUp | null = null;
    if (!isBinary) {
      try {
        const parsed = LiveUp.safeParse(JSON.parse(data.toString()));
        if (parsed.success) message = parsed.data;
      } catch {
        // not JSON: handled as an unknown message below
      }
    }
    if (client.auth) {
      // Unknown messages from an authenticated client are ignored: a newer client may say more.
      if (message?.type === 'ping') this.send(client, PONG);
      return;
    }
    if (client.checking) return;
    if (message?.type !== 'hello') {
      this.refuse(client, LIVE_CLOSE.badMessage, 'the first message must be hello');
      return;
    }
    client.checking = true;
    try {
      const user = await userForToken(this.deps.db, message.token, this.deps.now());
      if (client.socket.readyState !== WebSocket.OPEN) return;
      if (!user) {
        this.refuse(client, LIVE_CLOSE.unauthorized, 'invalid token');
        return;
      }
      client.auth = { orgId: user.orgId, tokenHash: hashToken(message.token) };
      let set = this.byOrg.get(user.orgId);
      if (!set) {
        set = new Set();
        this.byOrg.set(user.orgId, set);
      }
      set.add(client);
      this.send(client, READY);
    } catch {
      // The database is unreachable: the client reconnects later and pulls on its alarm meanwhile.
      client.socket.close(1011, 'try again later');
      this.forget(client);
    } finally {
      client.checking = false;
    }
  }

  private onNotify(payload: string): void {
    const split = payload.lastIndexOf(':');
    const orgId = payload.slice(0, split);
    const cursor = Number(payload.slice(split + 1));
    if (split <= 0 || !Number.isSafeInteger(cursor)) return;
    const set = this.byOrg.get(orgId);
    if (!set) return;
    // Encoded once for every client of the organisation.
    const data = encode({ type: 'changed', cursor });
    for (const client of set) this.send(client, data);
  }

  private sweep(): void {
    const now = Date.now();
    for (const client of this.clients) {
      if (!client.auth && !client.checking && now - client.connectedAt > this.timings.helloTimeoutMs) {
        this.refuse(client, LIVE_CLOSE.helloTimeout, 'no hello in time');
      } else if (now - client.lastSeen > this.timings.silenceMs) {
        client.socket.terminate();
        this.forget(client);
      }
    }
  }

  /** Closes sockets whose token was revoked or expired, or whose user was disabled, since hello. */
  private async recheckTokens(): Promise<void> {
    if (this.rechecking) return;
    this.rechecking = true;
    try {
      const ready = [...this.clients].filter((c) => c.auth !== null);
      const hashes = [...new Set(ready.map((c) => c.auth?.tokenHash ?? ''))];
      if (hashes.length === 0) return;
      const rows = await this.deps.db.query<{ token_hash: string }>(
        `select t.token_hash from tokens t join users u on u.id = t.user_id
          where t.token_hash = any($1::text[]) and t.revoked_at is null and t.expires_at > $2 and u.disabled_at is null`,
        [hashes, this.deps.now()],
      );
      const valid = new Set(rows.map((r) => r.token_hash));
      for (const client of ready) {
        if (!valid.has(client.auth?.tokenHash ?? '')) this.refuse(client, LIVE_CLOSE.unauthorized, 'token revoked');
      }
    } catch {
      // Database unreachable: keep the sockets; the next round checks again.
    } finally {
      this.rechecking = false;
    }
  }
}
