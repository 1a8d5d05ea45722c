// An in-memory sync server with the semantics of the contract (lib/schema/api.ts): login and
// tokens, push with per-device sequences (409 sequence_gap, duplicates skipped, invalid events
// dead-lettered and counted), pull with cursor/scope/reset, devices, documents and publishing (each
// kind's body checked), the quality endpoints (calls derived from the events, scores on the call's
// own checklist version, feedback, objection and quality stats), and the live WebSocket. It is a
// `fetch` function, like the real app's `app.fetch`, so the sync tests run against either one
// through the `SyncTestServer` interface. Also: fault-injecting fetch wrappers and timers that run
// at once, for the network-failure tests.
import { monotonicFactory } from 'ulid';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { scoreChecklist } from '@/lib/content/checklist-score';
import type { PanelDatabase } from '@/lib/db/database';
import {
  API_PREFIX,
  type ApiErrorCode,
  type CallScore,
  type CallView,
  type ContentVersion,
  type DocumentKind,
  type FeedbackItem,
  type LiveDown,
  LiveUp,
  LoginBody,
  type ObjectionStat,
  PublishBody,
  PushBody,
  type QualityRow,
  type Role,
  ScoreBody,
  type SessionUser,
} from '@/lib/schema/api';
import { CallRecord, scriptOf } from '@/lib/schema/call';
import { type CallType, Classifier } from '@/lib/schema/classifier';
import { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '@/lib/schema/content';
import { EventPayloads, type OutboxEvent } from '@/lib/schema/events';
import { PlanDocument } from '@/lib/schema/plan';
import { ApiClient, type FetchFn } from '@/lib/sync/api-client';
import type { SocketLike } from '@/lib/sync/live';
import { Syncer, type SyncerOptions } from '@/lib/sync/syncer';
import type { Timers } from '@/lib/sync/timers';

export interface Credentials {
  login: string;
  password: string;
}

/** What the sync tests need from a server; the real server can implement it too. */
export interface SyncTestServer {
  /** The base URL the extension logs in to. */
  readonly url: string;
  readonly fetch: FetchFn;
  /** Live endpoint as a WebSocket constructor. */
  readonly WebSocket: new (
    url: string,
  ) => SocketLike;
  readonly operator: Credentials;
  /** Publishes content (role lead). */
  readonly lead: Credentials;
  /** Publishes organisation-wide content (role admin). */
  readonly admin: Credentials;
  /** The operator's team. */
  readonly teamId: string;
  /** This device's events as stored by the server (applied and dead-lettered), in sequence order. */
  storedEvents(deviceId: string): Promise<OutboxEvent[]>;
  /** A copy of everything but users and tokens, and putting such a copy back (R07). */
  backup(): unknown;
  restore(backup: unknown): void;
  revokeTokens(login: string): void;
}

interface User extends SessionUser {
  password: string;
}

interface DeviceLog {
  lastSeq: number;
  events: OutboxEvent[];
  deadLetters: { event: OutboxEvent; reason: string }[];
}

interface Stored {
  devices: Map<string, DeviceLog>;
  versions: ContentVersion[];
  cursor: number;
  scores: Map<string, CallScore>;
}

/** Each kind's body, as the real server checks it (server/documents/kinds.ts). */
const BODIES: Record<DocumentKind, { safeParse(value: unknown): { success: boolean } }> = {
  classifier: { safeParse: (body) => Classifier.safeParse({ version: 0, ...(body as object) }) },
  scripts: ScriptSet,
  objections: ObjectionSet,
  checklist: Checklist,
  tariffs: TariffCatalogue,
  plan: PlanDocument,
};

/** Who may publish each kind (server/documents/kinds.ts); leads only for their teams, org-wide: admin. */
const PUBLISHERS: Record<DocumentKind, readonly Role[]> = {
  classifier: ['lead', 'admin'],
  scripts: ['lead', 'admin'],
  objections: ['lead', 'admin'],
  tariffs: ['lead', 'admin'],
  checklist: ['trainer', 'admin'],
  plan: ['lead', 'admin'],
};

const WEEK_MS = 7 * 24 * 3600_000;
/** Thursday 1 January 1970 + 4 days = Monday 5 January 1970 00:00 UTC. */
const MONDAY_MS = 4 * 24 * 3600_000;

const nextId = monotonicFactory();

export class FakeSyncServer implements SyncTestServer {
  readonly url = 'https://sync.test/ops';
  readonly orgId = nextId();
  readonly teamId = nextId();
  readonly otherTeamId = nextId();
  readonly operator = { login: 'operator', password: 'operator-password' };
  readonly lead = { login: 'lead', password: 'lead-password' };
  readonly admin = { login: 'admin', password: 'admin-password' };
  readonly trainer = { login: 'trainer', password: 'trainer-password' };
  /** Requests that reached the handler, by "METHOD /path". */
  readonly requests: string[] = [];
  /** How many pushes were being handled at once, at most (R15: one uploader). */
  maxConcurrentPushes = 0;
  tokenTtlMs = 3_600_000;
  /** Refuse a batch that starts at or below what is stored (a gap answer) instead of skipping duplicates. */
  strictOverlap = false;
  /** Behave as if every device had sent up to this sequence number (a confused server). */
  pretendLastSeq = 0;
  now: () => number = Date.now;

  private users: User[] = [];
  private tokens = new Map<string, { userId: string; expiresAt: number; revoked: boolean }>();
  private stored: Stored = { devices: new Map(), versions: [], cursor: 0, scores: new Map() };
  /** Which user uploaded each device's events. */
  private deviceOwners = new Map<string, string>();
  private pushesInFlight = 0;
  private sockets = new Set<FakeServerSocket>();

  constructor() {
    const teams = [
      { id: this.teamId, name: 'Team A' },
      { id: this.otherTeamId, name: 'Team B' },
    ];
    const user = (login: string, password: string, role: Role, teamRefs: typeof teams): User => ({
      id: nextId(),
      login,
      password,
      name: login,
      role,
      orgId: this.orgId,
      orgName: 'Demo provider',
      teams: teamRefs,
    });
    this.users = [
      user(this.operator.login, this.operator.password, 'operator', [teams[0]!]),
      user(this.lead.login, this.lead.password, 'lead', [teams[0]!]),
      user(this.admin.login, this.admin.password, 'admin', teams),
      user(this.trainer.login, this.trainer.password, 'trainer', [teams[0]!]),
    ];
  }

  readonly fetch: FetchFn = async (request) => {
    const url = new URL(request.url);
    const prefix = new URL(this.url).pathname + API_PREFIX;
    if (!url.pathname.startsWith(prefix)) return error('not_found', 'no such endpoint');
    const path = url.pathname.slice(prefix.length);
    this.requests.push(`${request.method} ${path}`);
    try {
      return await this.handle(request, path, url.searchParams);
    } catch (failure) {
      if (failure instanceof Failure) return error(failure.code, failure.message, failure.extra);
      throw failure;
    }
  };

  readonly WebSocket = (() => {
    const server = this;
    return class extends FakeServerSocket {
      constructor(url: string) {
        super(url, server);
      }
    };
  })();

  async storedEvents(deviceId: string): Promise<OutboxEvent[]> {
    const log = this.stored.devices.get(deviceId);
    if (!log) return [];
    return [...log.events, ...log.deadLetters.map((d) => d.event)].sort((a, b) => a.seq - b.seq);
  }

  deadLetters(deviceId: string) {
    return this.stored.devices.get(deviceId)?.deadLetters ?? [];
  }

  backup(): unknown {
    return structuredClone(this.stored);
  }

  restore(backup: unknown): void {
    this.stored = structuredClone(backup as Stored);
  }

  revokeTokens(login: string): void {
    const user = this.users.find((u) => u.login === login);
    for (const token of this.tokens.values()) if (token.userId === user?.id) token.revoked = true;
  }

  /** Tells every live connection that content changed (also done by publish). */
  broadcastChanged(): void {
    for (const socket of this.sockets) socket.deliver({ type: 'changed', cursor: this.stored.cursor });
  }

  get liveConnections(): number {
    return this.sockets.size;
  }

  // ---- endpoints ----

  private async handle(request: Request, path: string, query: URLSearchParams): Promise<Response> {
    const route = `${request.method} ${path}`;
    if (route === 'POST /auth/login') return this.login(await body(request, LoginBody));
    const user = this.authenticate(request);
    if (route === 'POST /auth/logout') {
      const token = bearer(request);
      if (token) this.tokens.get(token)!.revoked = true;
      return json({ ok: true });
    }
    if (route === 'GET /auth/me') return json(publicUser(user));
    if (route === 'POST /sync/push') return this.push(user, await body(request, PushBody));
    if (route === 'GET /sync/pull')
      return json(this.pull(user, Number(query.get('cursor') ?? 0), query.get('scope') ?? ''));
    const device = /^GET \/sync\/device\/([^/]+)$/.exec(route);
    if (device) return json({ deviceId: device[1], lastSeq: this.stored.devices.get(device[1]!)?.lastSeq ?? 0 });
    if (route === 'GET /documents') return json(this.summaries(user, query.get('kind') as DocumentKind));
    const versions = /^GET \/documents\/([^/]+)\/versions$/.exec(route);
    if (versions) return json(this.visible(user).filter((v) => v.documentId === versions[1]));
    const publish = /^POST \/documents\/([^/]+)\/publish$/.exec(route);
    if (publish) return json(this.publish(user, publish[1] as DocumentKind, await body(request, PublishBody)));
    return this.quality(request, route, query, user);
  }

  // ---- quality: calls, scores, feedback, stats ----

  private async quality(request: Request, route: string, query: URLSearchParams, user: User): Promise<Response> {
    const period = () => {
      const from = Number(query.get('from') ?? 0);
      // `to` is exclusive, as on the real server (server/calls/range.ts).
      const to = Number(query.get('to') ?? Number.MAX_SAFE_INTEGER);
      if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new Failure('bad_request', 'bad period');
      return { from, to };
    };
    if (route === 'GET /calls') {
      const { from, to } = period();
      const userId = query.get('userId');
      return json(
        this.callViews(user).filter((c) => c.startedAt >= from && c.startedAt < to && (!userId || c.userId === userId)),
      );
    }
    const version = /^GET \/calls\/versions\/([^/]+)$/.exec(route);
    if (version) {
      const found = this.stored.versions.find((v) => v.versionId === version[1]);
      if (!found) throw new Failure('not_found', 'no such content version');
      return json(found);
    }
    const score = /^(GET|POST) \/calls\/([^/]+)\/score$/.exec(route);
    if (score) {
      const call = this.visibleCall(user, score[2]!);
      if (score[1] === 'GET') return json(this.stored.scores.get(call.id) ?? null);
      return json(this.score(user, call, await body(request, ScoreBody)));
    }
    const one = /^GET \/calls\/([^/]+)$/.exec(route);
    if (one) return json(this.visibleCall(user, one[1]!));
    if (route === 'GET /feedback') {
      const { from, to } = period();
      return json(this.feedbackItems(user).filter((f) => f.at >= from && f.at < to));
    }
    if (route === 'GET /stats/objections') return json(this.objectionStats(user, period()));
    if (route === 'GET /stats/quality') return json(this.qualityRows(user, period()));
    throw new Failure('not_found', `no route ${route}`);
  }

  private login(input: LoginBody): Response {
    const user = this.users.find((u) => u.login === input.login.toLowerCase() && u.password === input.password);
    if (!user) throw new Failure('unauthorized', 'wrong login or password');
    const token = `tok_${nextId()}${nextId()}`.replace(/[^A-Za-z0-9_-]/g, '');
    const expiresAt = this.now() + this.tokenTtlMs;
    this.tokens.set(token, { userId: user.id, expiresAt, revoked: false });
    return json({ token, expiresAt, user: publicUser(user) });
  }

  authenticateToken(token: string | null): User | null {
    const entry = token ? this.tokens.get(token) : undefined;
    if (!entry || entry.revoked || entry.expiresAt <= this.now()) return null;
    return this.users.find((u) => u.id === entry.userId) ?? null;
  }

  private authenticate(request: Request): User {
    const user = this.authenticateToken(bearer(request));
    if (!user) throw new Failure('unauthorized', 'the session has expired or was revoked: log in again');
    return user;
  }

  private async push(user: User, input: PushBody): Promise<Response> {
    this.pushesInFlight += 1;
    this.maxConcurrentPushes = Math.max(this.maxConcurrentPushes, this.pushesInFlight);
    try {
      // A real server awaits its database here: let other requests interleave.
      await new Promise((resolve) => setImmediate(resolve));
      const { deviceId, events } = input;
      events.forEach((event, i) => {
        if (event.deviceId !== deviceId) throw new Failure('bad_request', 'events of another device');
        if (i > 0 && event.seq !== events[i - 1]!.seq + 1) throw new Failure('bad_request', 'events not contiguous');
      });
      const log = this.stored.devices.get(deviceId) ?? { lastSeq: 0, events: [], deadLetters: [] };
      this.stored.devices.set(deviceId, log);
      this.deviceOwners.set(deviceId, user.id);
      const first = events[0]!.seq;
      const last = Math.max(log.lastSeq, this.pretendLastSeq);
      if (first > last + 1 || (this.strictOverlap && first <= last)) {
        throw new Failure('sequence_gap', `expected sequence ${last + 1}, got ${first}`, { expectedSeq: last + 1 });
      }
      const known = new Set([...log.events, ...log.deadLetters.map((d) => d.event)].map((e) => e.id));
      const answer = { lastSeq: log.lastSeq, accepted: 0, duplicates: 0, deadLettered: 0 };
      for (const event of events) {
        if (event.seq <= log.lastSeq || known.has(event.id)) {
          answer.duplicates += 1;
          continue;
        }
        const payload = EventPayloads[event.type].safeParse(event.payload);
        if (payload.success) {
          log.events.push(event);
          answer.accepted += 1;
        } else {
          log.deadLetters.push({ event, reason: payload.error.message });
          answer.deadLettered += 1;
        }
        log.lastSeq = event.seq;
      }
      answer.lastSeq = log.lastSeq;
      return json(answer);
    } finally {
      this.pushesInFlight -= 1;
    }
  }

  private scopeOf(user: User): string {
    return `${user.orgId}:${user.teams
      .map((t) => t.id)
      .sort()
      .join(',')}`;
  }

  /** Every version visible to the user: organisation-wide ones and their teams'. */
  private visible(user: User): ContentVersion[] {
    const teams = new Set(user.teams.map((t) => t.id));
    return this.stored.versions.filter((v) => v.teamId === null || teams.has(v.teamId));
  }

  private current(user: User): ContentVersion[] {
    const newest = new Map<string, ContentVersion>();
    for (const v of this.visible(user)) {
      const seen = newest.get(v.documentId);
      if (!seen || v.version > seen.version) newest.set(v.documentId, v);
    }
    return [...newest.values()];
  }

  private pull(user: User, cursor: number, scope: string) {
    const serverScope = this.scopeOf(user);
    const reset = scope !== serverScope || cursor > this.stored.cursor;
    const documents = this.current(user).filter((v) => reset || v.cursor > cursor);
    return { cursor: this.stored.cursor, scope: serverScope, reset, documents };
  }

  private summaries(user: User, kind: DocumentKind) {
    if (user.role === 'operator') throw new Failure('forbidden', 'operators do not edit content');
    return this.current(user)
      .filter((v) => v.kind === kind)
      .map((current) => ({ documentId: current.documentId, kind, teamId: current.teamId, current }));
  }

  private publish(user: User, kind: DocumentKind, input: PublishBody): ContentVersion {
    if (!PUBLISHERS[kind]?.includes(user.role)) throw new Failure('forbidden', `a ${user.role} cannot publish ${kind}`);
    if (input.teamId === null ? user.role !== 'admin' : !user.teams.some((t) => t.id === input.teamId)) {
      throw new Failure('forbidden', 'not your team');
    }
    if (!BODIES[kind].safeParse(input.body).success) {
      throw new Failure('bad_request', `the body is not a valid ${kind} document`);
    }
    const previous = this.stored.versions.filter((v) => v.kind === kind && v.teamId === input.teamId);
    const version: ContentVersion = {
      documentId: previous[0]?.documentId ?? nextId(),
      versionId: nextId(),
      kind,
      teamId: input.teamId,
      version: previous.length + 1,
      cursor: ++this.stored.cursor,
      body: input.body,
      note: input.note,
      publishedAt: this.now(),
      publishedBy: user.name,
    };
    this.stored.versions.push(version);
    this.broadcastChanged();
    return version;
  }

  /** Every call derived from the stored events (the last full record, tags applied in order). */
  private allCalls(): CallView[] {
    const calls = new Map<string, CallView>();
    for (const [deviceId, log] of this.stored.devices) {
      const owner = this.users.find((u) => u.id === this.deviceOwners.get(deviceId));
      if (!owner) continue;
      for (const event of [...log.events].sort((a, b) => a.seq - b.seq)) {
        if (event.type === 'call.started' || event.type === 'call.updated' || event.type === 'call.ended') {
          const record = CallRecord.parse(event.payload);
          calls.set(record.id, {
            id: record.id,
            userId: owner.id,
            userName: owner.name,
            teamId: owner.teams[0]?.id ?? null,
            deviceId,
            startedAt: record.startedAt,
            endedAt: record.endedAt,
            durationMs: record.durationMs,
            direction: record.direction,
            source: record.source,
            callerNumber: record.callerNumber,
            subscriber: record.subscriber,
            versions: record.versions,
            tags: record.tags,
            script: scriptOf(record),
            scored: false,
            updatedAt: record.updatedAt,
          });
        }
        const payload = event.payload as { callId: string; tag?: CallView['tags'][number]; tagId?: string };
        const call = calls.get(payload.callId);
        if (event.type === 'call.tagged' && call && payload.tag && !call.tags.some((t) => t.id === payload.tag!.id)) {
          call.tags = [...call.tags, payload.tag];
        }
        if (event.type === 'call.untagged' && call) call.tags = call.tags.filter((t) => t.id !== payload.tagId);
      }
    }
    for (const call of calls.values()) call.scored = this.stored.scores.has(call.id);
    return [...calls.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Operators see their own calls, leads and trainers their teams', admins all. */
  private callViews(user: User): CallView[] {
    const teams = new Set(user.teams.map((t) => t.id));
    return this.allCalls().filter(
      (call) =>
        user.role === 'admin' ||
        call.userId === user.id ||
        (user.role !== 'operator' && call.teamId !== null && teams.has(call.teamId)),
    );
  }

  private visibleCall(user: User, callId: string): CallView {
    const call = this.callViews(user).find((c) => c.id === callId);
    if (!call) throw new Failure('not_found', 'no such call');
    return call;
  }

  private score(user: User, call: CallView, input: ScoreBody): CallScore {
    if (user.role === 'operator') throw new Failure('forbidden', 'operators do not score calls');
    if (call.endedAt === null) throw new Failure('conflict', 'the call has not ended');
    if (call.versions.checklist !== input.checklistVersionId) {
      throw new Failure('conflict', 'a call is scored on its own checklist version');
    }
    const version = this.stored.versions.find((v) => v.versionId === input.checklistVersionId);
    const checklist = Checklist.safeParse(version?.body);
    if (!checklist.success) throw new Failure('bad_request', 'not a checklist version');
    const items = new Set(checklist.data.sections.flatMap((section) => section.items.map((item) => item.id)));
    if (Object.keys(input.marks).some((id) => !items.has(id))) {
      throw new Failure('bad_request', 'marks: no such item in this checklist version');
    }
    const selfMarks = call.script.checklist;
    const score: CallScore = {
      callId: call.id,
      checklistVersionId: input.checklistVersionId,
      marks: input.marks,
      result: scoreChecklist(checklist.data, input.marks),
      selfMarks,
      selfResult: scoreChecklist(checklist.data, selfMarks),
      comment: input.comment,
      scoredBy: user.name,
      scoredAt: this.now(),
    };
    this.stored.scores.set(call.id, score);
    return score;
  }

  /** For the scripts' authors (as on the real server): leads and trainers their teams', admins all. */
  private feedbackItems(user: User): FeedbackItem[] {
    if (user.role === 'operator') throw new Failure('forbidden', 'operators send feedback, they do not read it');
    const items: FeedbackItem[] = [];
    for (const [deviceId, log] of this.stored.devices) {
      const owner = this.users.find((u) => u.id === this.deviceOwners.get(deviceId));
      const shared = owner?.teams.some((t) => user.teams.some((mine) => mine.id === t.id));
      if (!owner || (user.role !== 'admin' && !shared)) continue;
      for (const event of log.events) {
        if (event.type !== 'feedback.no_answer') continue;
        const f = EventPayloads['feedback.no_answer'].parse(event.payload);
        items.push({ ...f, userId: owner.id, userName: owner.name, teamId: owner.teams[0]?.id ?? null });
      }
    }
    return items.sort((a, b) => b.at - a.at);
  }

  private objectionStats(user: User, { from, to }: { from: number; to: number }): ObjectionStat[] {
    const stats = new Map<string, ObjectionStat>();
    for (const call of this.callViews(user)) {
      if (call.startedAt < from || call.startedAt >= to) continue;
      const callTypeId = call.tags.at(-1)?.typeId ?? null;
      for (const use of call.script.objections) {
        const key = `${callTypeId}/${use.objectionId}`;
        const stat = stats.get(key) ?? { callTypeId, objectionId: use.objectionId, raised: 0, handled: 0 };
        stat.raised += 1;
        if (use.handled) stat.handled += 1;
        stats.set(key, stat);
      }
    }
    return [...stats.values()];
  }

  private qualityRows(user: User, { from, to }: { from: number; to: number }): QualityRow[] {
    const rows = new Map<string, QualityRow & { leadSum: number; selfSum: number }>();
    for (const call of this.callViews(user)) {
      const score = this.stored.scores.get(call.id);
      if (!score || call.startedAt < from || call.startedAt >= to) continue;
      const weekStart = call.startedAt - ((((call.startedAt - MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS);
      const key = `${call.userId}/${weekStart}`;
      const row = rows.get(key) ?? {
        userId: call.userId,
        userName: call.userName,
        weekStart,
        scored: 0,
        leadPercent: null,
        selfPercent: null,
        failed: 0,
        leadSum: 0,
        selfSum: 0,
      };
      row.scored += 1;
      row.leadSum += score.result.passed ? score.result.percent : 0;
      row.selfSum += score.selfResult.passed ? score.selfResult.percent : 0;
      if (!score.result.passed) row.failed += 1;
      rows.set(key, row);
    }
    return [...rows.values()].map(({ leadSum, selfSum, ...row }) => ({
      ...row,
      leadPercent: Math.round((10 * leadSum) / row.scored) / 10,
      selfPercent: Math.round((10 * selfSum) / row.scored) / 10,
    }));
  }

  // ---- live ----

  attach(socket: FakeServerSocket): void {
    this.sockets.add(socket);
  }

  detach(socket: FakeServerSocket): void {
    this.sockets.delete(socket);
  }

  /** Closes every live connection from the server's side (a network cut). */
  dropLiveConnections(): void {
    for (const socket of [...this.sockets]) socket.serverClose();
  }
}

/** The client's end of a live connection to the fake server; messages arrive asynchronously. */
export class FakeServerSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: unknown[] = [];
  private authenticated = false;

  constructor(
    readonly url: string,
    private readonly server: FakeSyncServer,
  ) {
    const expected = `${server.url.replace(/^http/, 'ws')}${API_PREFIX}/live`;
    setImmediate(() => {
      if (url !== expected) return this.serverClose();
      this.readyState = 1;
      server.attach(this);
      this.onopen?.({});
    });
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('socket not open');
    const message = LiveUp.parse(JSON.parse(data));
    this.sent.push(message);
    if (message.type === 'hello') {
      if (this.server.authenticateToken(message.token)) {
        this.authenticated = true;
        this.deliver({ type: 'ready' });
      } else {
        this.deliver({ type: 'unauthorized' });
        this.serverClose();
      }
    } else if (this.authenticated) {
      this.deliver({ type: 'pong' });
    }
  }

  close(): void {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    this.server.detach(this);
    setImmediate(() => this.onclose?.({}));
  }

  deliver(message: LiveDown): void {
    if (message.type === 'changed' && !this.authenticated) return;
    setImmediate(() => {
      if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify(message) });
    });
  }

  serverClose(): void {
    setImmediate(() => this.close());
  }
}

// ---- faults ----

export type Fault = 'ok' | 'error500' | 'timeout' | 'reset-before' | 'reset-after';

/**
 * Wraps a server's fetch with faults chosen per request: `error500` answers 500 without reaching
 * the server, `timeout` never answers, `reset-before` fails before the server sees the request and
 * `reset-after` after the server committed it (the answer is lost: R01).
 */
export function faultyFetch(inner: FetchFn, choose: (request: Request) => Fault): FetchFn {
  return async (request) => {
    const fault = choose(request);
    switch (fault) {
      case 'error500':
        return error('internal', 'injected failure');
      case 'timeout':
        return new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      case 'reset-before':
        throw new TypeError('fetch failed: connection reset');
      case 'reset-after':
        await inner(request);
        throw new TypeError('fetch failed: connection reset');
      default:
        return inner(request);
    }
  };
}

/** A small deterministic random generator (mulberry32), so fault sequences repeat. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Timers that record the delays asked for and fire on the next turn instead of waiting. */
export function instantTimers(): Timers & { delays: number[] } {
  const cancelled = new Set<object>();
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, ms) {
      delays.push(ms);
      const handle = {};
      setImmediate(() => {
        if (!cancelled.delete(handle)) callback();
      });
      return handle;
    },
    clearTimeout(handle) {
      if (handle && typeof handle === 'object') cancelled.add(handle);
    },
  };
}

/** Timers that only fire when the test says so. */
export function manualTimers(): Timers & { pending: { ms: number; run(): void }[] } {
  const pending: { ms: number; run(): void; handle: object }[] = [];
  return {
    pending,
    setTimeout(callback, ms) {
      const handle = {};
      pending.push({
        ms,
        handle,
        run() {
          const i = pending.findIndex((p) => p.handle === handle);
          if (i >= 0) pending.splice(i, 1);
          callback();
        },
      });
      return handle;
    },
    clearTimeout(handle) {
      const i = pending.findIndex((p) => p.handle === handle);
      if (i >= 0) pending.splice(i, 1);
    },
  };
}

/** An in-process Web Locks stand-in: one holder per name, the others queue. */
export function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  let held = 0;
  let maxHeld = 0;
  return {
    get maxHeld() {
      return maxHeld;
    },
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(async () => {
        held += 1;
        maxHeld = Math.max(maxHeld, held);
        try {
          return await callback();
        } finally {
          held -= 1;
        }
      });
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

// ---- helpers ----

class Failure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: object = {},
  ) {
    super(message);
  }
}

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  sequence_gap: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

function error(code: ApiErrorCode, message: string, extra: object = {}): Response {
  return json({ error: { code, message }, ...extra }, STATUS[code]);
}

function bearer(request: Request): string | null {
  return /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
}

async function body<T>(
  request: Request,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } },
): Promise<T> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new Failure('bad_request', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Failure('bad_request', `invalid body: ${parsed.error.message}`);
  return parsed.data;
}

function publicUser({ password: _password, ...user }: User): SessionUser {
  return user;
}

// ---- the extension side ----

const TAG_TYPES = ['billing', 'termination', 'connection', 'tech_support'];

/** Records calls the way the panel does (start, one tag, end): three outbox events per call. */
export async function recordCalls(db: PanelDatabase, calls: number, start: number): Promise<number> {
  let at = start;
  for (let call = 0; call < calls; call++) {
    await startCall(db, { source: 'manual', origin: null, tabId: null }, at);
    await tagCall(db, TAG_TYPES[call % TAG_TYPES.length]!, undefined, at + 1000);
    await endCall(db, at + 60_000);
    at += 120_000;
  }
  return at;
}

/** A syncer for tests: no live link and no Web Locks unless asked, timers that fire at once. */
export function testSyncer(db: PanelDatabase, server: SyncTestServer, options: Partial<SyncerOptions> = {}): Syncer {
  return new Syncer({
    db,
    fetch: server.fetch,
    timers: instantTimers(),
    random: seededRandom(1),
    locks: null,
    WebSocket: null,
    timeoutMs: 200,
    ...options,
  });
}

/** An API client logged in as one of the server's users (console work: publishing, scoring). */
export async function apiAs(server: SyncTestServer, who: Credentials): Promise<ApiClient> {
  const anonymous = new ApiClient({ fetch: server.fetch, server: server.url });
  const { token } = await anonymous.login(who);
  return new ApiClient({ fetch: server.fetch, server: server.url, token });
}

/** Publishes a document of any kind through the API, as its author would. */
export async function publishDocument(
  server: SyncTestServer,
  who: Credentials,
  kind: DocumentKind,
  teamId: string | null,
  body: unknown,
  note = 'test release',
): Promise<ContentVersion> {
  return (await apiAs(server, who)).publish(kind, { teamId, body, note });
}

/** Publishes a classifier made of the given types through the API, as a lead or admin would. */
export async function publishClassifier(
  server: SyncTestServer,
  who: Credentials,
  teamId: string | null,
  types: readonly CallType[],
  note = 'test release',
): Promise<ContentVersion> {
  const anonymous = new ApiClient({ fetch: server.fetch, server: server.url });
  const { token } = await anonymous.login(who);
  const api = new ApiClient({ fetch: server.fetch, server: server.url, token });
  return api.publish('classifier', { teamId, body: { types }, note });
}
