// The live link: one WebSocket to `<server>/api/v1/live` that only says "something changed"; the
// syncer then pulls. The ping every LIVE_PING_MS keeps messages flowing, which keeps a Chrome MV3
// worker alive while connected. Closed links reconnect with backoff; `unauthorized` stops for good
// until the next login. The WebSocket constructor is injected so tests can play the server.
import { LIVE_PING_MS, LiveDown, type LiveUp } from '../schema/api';
import { backoffDelay } from './backoff';
import { liveUrl } from './server-url';
import { realTimers, type Timers } from './timers';

/** The part of the WebSocket API used here. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketConstructor = new (url: string) => SocketLike;

export interface LiveOptions {
  WebSocket: SocketConstructor;
  timers?: Timers;
  random?: () => number;
  now?: () => number;
  /** The server's content changed (or the link came back after a break): pull. */
  onChanged(): void;
  /** The server refused the token. */
  onUnauthorized(): void;
  onLiveChange(live: boolean): void;
}

const OPEN = 1;
/** Without any message for this long (two missed pongs), the link is presumed dead and replaced. */
const SILENCE_MS = LIVE_PING_MS * 2 + 5000;

export class LiveLink {
  private socket: SocketLike | null = null;
  private target: { server: string; token: string } | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private lastMessageAt = 0;
  private everReady = false;
  private ready = false;
  private readonly timers: Timers;
  private readonly now: () => number;

  constructor(private readonly options: LiveOptions) {
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
  }

  get live(): boolean {
    return this.ready;
  }

  /** Connects (or keeps the connection when server and token are unchanged). */
  start(server: string, token: string): void {
    if (this.target?.server === server && this.target.token === token && this.socket) return;
    this.stop();
    this.target = { server, token };
    this.everReady = false;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.target = null;
    this.clearTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      detach(socket);
      try {
        socket.close(1000, 'stopped');
      } catch {
        // Already closing.
      }
    }
    this.setReady(false);
  }

  private connect(): void {
    const target = this.target;
    if (!target) return;
    let socket: SocketLike;
    try {
      socket = new this.options.WebSocket(liveUrl(target.server));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.lastMessageAt = this.now();
    socket.onopen = () => this.send({ type: 'hello', token: target.token });
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => this.lost(socket);
    socket.onclose = () => this.lost(socket);
  }

  /** The link broke (closed, failed, or silent too long): drop it and connect again later. */
  private lost(socket: SocketLike): void {
    if (this.socket !== socket) return;
    detach(socket);
    this.socket = null;
    try {
      socket.close();
    } catch {
      // Already closed.
    }
    this.setReady(false);
    this.scheduleReconnect();
  }

  private receive(data: unknown): void {
    this.lastMessageAt = this.now();
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return;
    }
    const message = LiveDown.safeParse(json);
    if (!message.success) return;
    switch (message.data.type) {
      case 'ready':
        this.attempt = 0;
        this.setReady(true);
        this.schedulePing();
        // After a break, changes may have been missed; the first connection follows a sync anyway.
        if (this.everReady) this.options.onChanged();
        this.everReady = true;
        break;
      case 'changed':
        this.options.onChanged();
        break;
      case 'unauthorized':
        this.stop();
        this.options.onUnauthorized();
        break;
      case 'pong':
        break;
    }
  }

  private send(message: LiveUp): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private schedulePing(): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (!this.socket) return;
      if (this.now() - this.lastMessageAt > SILENCE_MS) {
        this.lost(this.socket);
        return;
      }
      this.send({ type: 'ping' });
      this.schedulePing();
    }, LIVE_PING_MS);
  }

  private scheduleReconnect(): void {
    this.clearTimer();
    if (!this.target) return;
    const delay = backoffDelay(this.attempt++, this.options.random);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private setReady(ready: boolean): void {
    if (this.ready === ready) return;
    this.ready = ready;
    this.options.onLiveChange(ready);
  }
}

function detach(socket: SocketLike): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  socket.onerror = null;
}
