// The sync engine of the background: one at a time (an in-flight promise here, plus the
// `op-sync` Web Lock when the browser has it, R15). `syncNow` uploads the outbox, then pulls.
// Triggers: worker start-up, the periodic alarm, a local write (debounced), login, and the live
// link's "changed". Retryable failures back off exponentially with jitter (R06). The status is
// kept in memory and read synchronously, so nothing the operator does ever waits for sync.
import type { PanelDatabase } from '../db/database';
import { onEventAppended } from '../db/outbox';
import { loadSession, NO_SESSION, type StoredSession, toSessionState, usableToken } from '../db/session-store';
import type { SessionState, SyncStatus } from '../messaging/protocol';
import { ApiClient, type FetchFn } from './api-client';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff';
import { SyncFailure } from './failure';
import { LiveLink, type SocketConstructor } from './live';
import { pullDocuments } from './puller';
import { type LoginInput, login, logout, markLoginNeeded } from './session';
import { deriveStatus, SYNC_OFF, type SyncFacts } from './status';
import { realTimers, type Timers } from './timers';
import { reconcileDevice, uploadOutbox } from './uploader';

export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface SyncerOptions {
  db: PanelDatabase;
  fetch: FetchFn;
  now?: () => number;
  timers?: Timers;
  random?: () => number;
  /** Defaults to `navigator.locks` where it exists; `null` for none. */
  locks?: LockManagerLike | null;
  /** The live link's socket; `null` for none (tests of upload and pull alone). */
  WebSocket?: SocketConstructor | null;
  timeoutMs?: number;
  debounceMs?: number;
}

export const SYNC_LOCK = 'op-sync';
const INFO_KEY = 'sync.info';
const DEBOUNCE_MS = 300;

/** What survives a worker restart besides the outbox, the session and the cursor. */
interface SyncInfo {
  lastSyncAt: number | null;
  deadLettered: number;
  /** Events the server lost that this device no longer had: reported until the next login. */
  lostEvents: number;
}
const NO_INFO: SyncInfo = { lastSyncAt: null, deadLettered: 0, lostEvents: 0 };

function defaultLocks(): LockManagerLike | null {
  return (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks ?? null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Syncer {
  private session: StoredSession = NO_SESSION;
  private info: SyncInfo = NO_INFO;
  private failure: SyncFacts['failure'] = null;
  private waiting = 0;
  private loaded: Promise<void> | null = null;
  private running: Promise<SyncStatus> | null = null;
  private again = false;
  private attempt = 0;
  private nextRetryAt = 0;
  private retryTimer: unknown = null;
  /** Set by a failed run, turned into the retry timer when the run ends. */
  private retryDelay: number | null = null;
  private debounceTimer: unknown = null;
  /** Ask the server what it holds of this device: at start-up, after login, after it went back. */
  private reconcileDue = true;
  /** Bumped by login and logout: a sync that began before must not revive the old session. */
  private epoch = 0;
  private stopped = false;
  private lastStatus: SyncStatus = SYNC_OFF;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly live: LiveLink | null;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly locks: LockManagerLike | null;
  private unsubscribeAppend: (() => void) | null = null;

  constructor(private readonly options: SyncerOptions) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    const WebSocketImpl =
      options.WebSocket === undefined ? (globalThis.WebSocket as SocketConstructor | undefined) : options.WebSocket;
    this.live = WebSocketImpl
      ? new LiveLink({
          WebSocket: WebSocketImpl,
          timers: this.timers,
          random: options.random,
          now: this.now,
          onChanged: () => void this.syncNow(),
          onUnauthorized: () => void this.loginNeeded(this.epoch),
          onLiveChange: () => this.emit(),
        })
      : null;
  }

  /** Worker start-up: upload what waits, pull what changed, and upload after every local write. */
  start(): void {
    this.unsubscribeAppend ??= onEventAppended(this.options.db, () => this.poke());
    void this.syncNow();
  }

  /** For tests and shutdown: no more timers, no live link, no triggers. */
  stop(): void {
    this.stopped = true;
    this.unsubscribeAppend?.();
    this.unsubscribeAppend = null;
    this.clearTimer('retryTimer');
    this.clearTimer('debounceTimer');
    this.live?.stop();
  }

  /** A local write appended to the outbox: sync soon, once for a burst of keystrokes. */
  poke(): void {
    if (this.stopped) return;
    this.clearTimer('debounceTimer');
    this.debounceTimer = this.timers.setTimeout(() => {
      this.debounceTimer = null;
      this.trigger();
    }, this.options.debounceMs ?? DEBOUNCE_MS);
  }

  /** The periodic alarm: catches up after the worker slept; a running backoff is respected. */
  onAlarm(): void {
    this.trigger();
  }

  private trigger(): void {
    if (this.stopped || this.now() < this.nextRetryAt) return;
    void this.syncNow();
  }

  /** Upload, then pull. A call during a run makes one more run after it, answered together. */
  syncNow(): Promise<SyncStatus> {
    if (this.stopped) return Promise.resolve(this.status());
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  status(): SyncStatus {
    return deriveStatus({
      hasServer: this.session.server !== null,
      hasToken: usableToken(this.session, this.now()) !== null,
      failure: this.failure,
      waiting: this.waiting,
      deadLettered: this.info.deadLettered,
      live: this.live?.live ?? false,
      lastSyncAt: this.info.lastSyncAt,
      notice:
        this.info.lostEvents > 0
          ? `${this.info.lostEvents} events from this device were lost on the server and are no longer kept here: they cannot be uploaded again`
          : null,
    });
  }

  /** The status with a fresh outbox count (the `sync.status` request). */
  async refreshStatus(): Promise<SyncStatus> {
    await this.ensureLoaded();
    await this.countWaiting();
    this.emit();
    return this.status();
  }

  /** Called with every status that differs from the previous one. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async sessionState(): Promise<SessionState> {
    return toSessionState(await loadSession(this.options.db));
  }

  async login(input: LoginInput): Promise<SessionState> {
    await this.ensureLoaded();
    const session = await login(this.options.db, this.options.fetch, input, this.options.timeoutMs);
    this.epoch += 1;
    this.session = session;
    this.failure = null;
    this.attempt = 0;
    this.nextRetryAt = 0;
    this.reconcileDue = true;
    this.info = { ...this.info, lostEvents: 0 };
    await this.saveInfo();
    this.emit();
    void this.syncNow();
    return toSessionState(session);
  }

  /** Forgets the token; the outbox stays and uploads after the next login (R19). */
  async logout(): Promise<SessionState> {
    this.epoch += 1;
    this.live?.stop();
    this.clearTimer('retryTimer');
    this.session = await logout(this.options.db, this.options.fetch, this.options.timeoutMs);
    this.failure = null;
    this.emit();
    return toSessionState(this.session);
  }

  /** Runs a console request with the background's token; a refused token means login needed. */
  async withApi<T>(work: (api: ApiClient) => Promise<T>): Promise<T> {
    await this.ensureLoaded();
    const epoch = this.epoch;
    const session = await loadSession(this.options.db);
    const token = usableToken(session, this.now());
    if (!session.server || !token) throw new SyncFailure('login', 'log in to the sync server first');
    try {
      return await work(this.api(session.server, token));
    } catch (error) {
      if (error instanceof SyncFailure && error.kind === 'login') await this.loginNeeded(epoch);
      throw error;
    }
  }

  private api(server: string, token: string): ApiClient {
    return new ApiClient({ fetch: this.options.fetch, server, token, timeoutMs: this.options.timeoutMs });
  }

  private ensureLoaded(): Promise<void> {
    this.loaded ??= (async () => {
      const { db } = this.options;
      this.session = await loadSession(db);
      const row = (await db.meta.get(INFO_KEY))?.value as Partial<SyncInfo> | undefined;
      this.info = { ...NO_INFO, ...row };
      await this.countWaiting();
    })().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private async loop(): Promise<SyncStatus> {
    try {
      await this.ensureLoaded();
      do {
        this.again = false;
        await this.exclusive(() => this.runOnce());
      } while (this.again && !this.failure && !this.stopped);
    } catch (error) {
      // Only storage can fail here (runOnce handles everything else): shown, retried later.
      this.failed(error);
    }
    // Scheduled only now: a retry firing while this run is still finishing would be lost.
    if (this.failure && this.retryDelay !== null) this.scheduleRetry(this.retryDelay);
    this.retryDelay = null;
    this.emit();
    return this.status();
  }

  private exclusive(work: () => Promise<void>): Promise<void> {
    return this.locks ? this.locks.request(SYNC_LOCK, work) : work();
  }

  private async runOnce(): Promise<void> {
    const { db } = this.options;
    const epoch = this.epoch;
    try {
      // Read again each time: a refused token or a login may have changed it meanwhile.
      this.session = await loadSession(db);
      const server = this.session.server;
      const token = usableToken(this.session, this.now());
      if (!server || !token) {
        // Expired by the clock: the same as the server refusing it.
        if (server && this.session.token) await this.loginNeeded(epoch);
        this.live?.stop();
        this.failure = null;
        return;
      }
      if (epoch !== this.epoch || this.stopped) return;
      this.live?.start(server, token);
      const api = this.api(server, token);
      let lost = 0;
      let deadLettered = 0;
      if (this.reconcileDue) {
        lost += (await reconcileDevice(db, api, this.now)).lost;
        this.reconcileDue = false;
      }
      const upload = await uploadOutbox(db, api, this.now);
      lost += upload.lost;
      deadLettered += upload.deadLettered;
      const pull = await pullDocuments(db, api);
      if (pull.serverWentBack) {
        // The server was restored from an older backup (R07): give it back what it lost.
        lost += (await reconcileDevice(db, api, this.now)).lost;
        const again = await uploadOutbox(db, api, this.now);
        lost += again.lost;
        deadLettered += again.deadLettered;
      }
      this.failure = null;
      this.attempt = 0;
      this.nextRetryAt = 0;
      this.clearTimer('retryTimer');
      this.info = {
        lastSyncAt: this.now(),
        deadLettered: this.info.deadLettered + deadLettered,
        lostEvents: this.info.lostEvents + lost,
      };
      await this.saveInfo();
    } catch (error) {
      if (error instanceof SyncFailure && error.kind === 'login') {
        await this.loginNeeded(epoch);
        this.failure = null;
      } else {
        this.failed(error);
      }
    } finally {
      await this.countWaiting();
      this.emit();
    }
  }

  private failed(error: unknown): void {
    const retryable = error instanceof SyncFailure && error.retryable;
    this.failure = { kind: retryable ? 'offline' : 'error', message: messageOf(error) };
    // A refusal will not heal by retrying soon, but may after a server fix: try again at the cap.
    this.retryDelay = retryable ? backoffDelay(this.attempt++, this.options.random) : BACKOFF_CAP_MS;
    this.nextRetryAt = this.now() + this.retryDelay;
  }

  private scheduleRetry(delay: number): void {
    this.clearTimer('retryTimer');
    if (this.stopped) return;
    this.nextRetryAt = this.now() + delay;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.syncNow();
    }, delay);
  }

  /** The server refused the token: keep server and user for display, drop the token (R19). */
  private async loginNeeded(epoch: number): Promise<void> {
    if (epoch !== this.epoch) return;
    this.live?.stop();
    this.clearTimer('retryTimer');
    try {
      this.session = await markLoginNeeded(this.options.db);
    } catch (error) {
      this.session = { ...this.session, token: null, expiresAt: null };
      this.failed(error);
    }
    this.emit();
  }

  private async countWaiting(): Promise<void> {
    try {
      this.waiting = await this.options.db.outbox.count();
    } catch {
      // The database is closing (worker shutting down): keep the last count.
    }
  }

  private async saveInfo(): Promise<void> {
    await this.options.db.meta.put({ key: INFO_KEY, value: this.info });
  }

  private clearTimer(which: 'retryTimer' | 'debounceTimer'): void {
    if (this[which] !== null) this.timers.clearTimeout(this[which]);
    this[which] = null;
  }

  private emit(): void {
    const status = this.status();
    if (JSON.stringify(status) === JSON.stringify(this.lastStatus)) return;
    this.lastStatus = status;
    for (const listener of this.listeners) listener(status);
  }
}
