// The API on a test database, for server tests: an organisation with two teams and one user of
// every role, an outsider (an admin of another organisation), a movable clock, and requests with
// a bearer token through `app.request` (no port). Also the role × endpoint matrix runner (R22):
// a test writes its matrix as a table of expected statuses, and runMatrix lists every mismatch.
import type { Hono } from 'hono';
import { ulid } from 'ulid';
import type { ContentVersion, DocumentKind, Role, TeamRef } from '../../lib/schema/api';
import { createApp } from '../../server/app';
import type { AppEnv } from '../../server/auth/context';
import { issueToken } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { publishVersion } from '../../server/documents/publish';
import { createOrganisation, type Organisation } from '../../server/teams/organisations';
import { createTeam } from '../../server/teams/queries';
import { createUser } from '../../server/users/accounts';
import type { TestDatabase } from './server-db';

/** 2025-03-03 09:00 UTC: the clock every test API starts at. */
export const TEST_START = Date.UTC(2025, 2, 3, 9, 0, 0);
export const TEST_PASSWORD = 'correct horse battery staple';

/** The users every test API has. `outsider` is an admin of another organisation. */
export type Actor = 'operator' | 'operator2' | 'lead' | 'trainer' | 'admin' | 'outsider';

export interface TestUser {
  id: string;
  login: string;
  role: Role;
  password: string;
  teamIds: string[];
}

export interface RequestOptions {
  /** Send a fresh token of this user. */
  as?: Actor;
  /** Send this bearer token (wins over `as`). */
  token?: string;
  /** JSON-encoded as the body. */
  body?: unknown;
  /** Sent as-is (malformed JSON, huge bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered.
  body: any;
  headers: Headers;
}

export interface TestApi {
  db: Database;
  app: Hono<AppEnv>;
  clock: { now: number };
  org: Organisation;
  otherOrg: Organisation;
  /** `a` and `b` of the organisation; `other` of the other organisation. */
  teams: { a: TeamRef; b: TeamRef; other: TeamRef };
  users: Record<Actor, TestUser>;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiAnswer>;
  /** A new bearer token of the user, issued directly (not through the login endpoint). */
  tokenOf(actor: Actor): Promise<string>;
  /** POST /api/v1/auth/login. */
  login(login: string, password: string, headers?: Record<string, string>): Promise<ApiAnswer>;
  /** Another user of the organisation (or of the other one), e.g. a victim for disable/revoke. */
  addUser(role: Role, options?: { teams?: TeamRef[]; org?: Organisation; login?: string }): Promise<TestUser>;
  /**
   * A new device of the actor: each call pushes the given events (type, payload, optional time)
   * through POST /sync/push, continuing the device's sequence.
   */
  device(actor: Actor): (...events: DeviceEvent[]) => Promise<ApiAnswer>;
  /** Publishes content directly (no role checks), in the actor's organisation, by the actor. */
  publish(actor: Actor, kind: DocumentKind, body: unknown, teamId?: string | null): Promise<ContentVersion>;
  close(): Promise<void>;
}

/** An event for `TestApi.device`: its type, payload and, optionally, when it happened. */
export type DeviceEvent = [type: string, payload: unknown, at?: number];

export interface TestApiOptions {
  trustProxy?: boolean;
  tokenTtlMs?: number;
}

let counter = 0;

export async function openTestApi(target: TestDatabase, options: TestApiOptions = {}): Promise<TestApi> {
  const { db, drop } = await target.open();
  const clock = { now: TEST_START };
  const now = () => clock.now;
  const app = createApp({ db, now, ...options });
  const org = await createOrganisation(db, 'Тестовый провайдер', clock.now);
  const otherOrg = await createOrganisation(db, 'Чужой провайдер', clock.now);
  const teams = {
    a: await createTeam(db, org.id, 'Смена А'),
    b: await createTeam(db, org.id, 'Смена Б'),
    other: await createTeam(db, otherOrg.id, 'Смена А'),
  };

  async function addUser(role: Role, extra: { teams?: TeamRef[]; org?: Organisation; login?: string } = {}) {
    const login = extra.login ?? `${role}-${++counter}`;
    const teamIds = (extra.teams ?? []).map((t) => t.id);
    const user = await createUser(
      db,
      { orgId: (extra.org ?? org).id, login, name: `Тест ${login}`, role, password: TEST_PASSWORD, teamIds },
      clock.now,
    );
    return { id: user.id, login: user.login, role, password: TEST_PASSWORD, teamIds };
  }

  const users: Record<Actor, TestUser> = {
    operator: await addUser('operator', { teams: [teams.a], login: 'operator' }),
    operator2: await addUser('operator', { teams: [teams.b], login: 'operator2' }),
    lead: await addUser('lead', { teams: [teams.a], login: 'lead' }),
    trainer: await addUser('trainer', { login: 'trainer' }),
    admin: await addUser('admin', { login: 'admin' }),
    outsider: await addUser('admin', { teams: [teams.other], org: otherOrg, login: 'outsider' }),
  };

  const tokenOf = async (actor: Actor) => (await issueToken(db, users[actor].id, clock.now)).token;

  async function request(method: string, path: string, opts: RequestOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token ?? (opts.as ? await tokenOf(opts.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (the demo pages): keep the text.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  function device(actor: Actor) {
    const deviceId = ulid();
    let seq = 0;
    return (...events: DeviceEvent[]) =>
      request('POST', '/api/v1/sync/push', {
        as: actor,
        body: {
          deviceId,
          events: events.map(([type, payload, at]) => ({
            id: ulid(),
            deviceId,
            seq: ++seq,
            type,
            at: at ?? clock.now,
            schemaVersion: 1,
            payload,
          })),
        },
      });
  }

  const publish = (actor: Actor, kind: DocumentKind, body: unknown, teamId: string | null = null) =>
    publishVersion(db, {
      orgId: actor === 'outsider' ? otherOrg.id : org.id,
      kind,
      teamId,
      body,
      note: 'test',
      publishedBy: users[actor].id,
      now: clock.now,
    });

  return {
    db,
    app,
    clock,
    org,
    otherOrg,
    teams,
    users,
    request,
    tokenOf,
    login: (login, password, headers) =>
      request('POST', '/api/v1/auth/login', { body: { login, password }, ...(headers ? { headers } : {}) }),
    addUser,
    device,
    publish,
    close: drop,
  };
}

// ---- The role × endpoint matrix (R22) ----

/** The matrix's columns, in the order `row` takes their statuses. */
export const MATRIX_ACTORS = ['operator', 'lead', 'trainer', 'admin', 'outsider'] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

type Lazy<T> = T | ((api: TestApi) => T | Promise<T>);

export interface MatrixRow {
  method: string;
  /** Evaluated anew for every actor when a function, so a row may make a fresh target each time. */
  path: Lazy<string>;
  body?: Lazy<unknown>;
  expect: Record<MatrixActor | 'anonymous', number>;
}

/**
 * One matrix row: method, path, the expected status for operator, lead, trainer, admin,
 * outsider (admin of another organisation), and, last, without a token (401 unless public).
 */
export function row(
  method: string,
  path: Lazy<string>,
  statuses: [number, number, number, number, number, number],
  body?: Lazy<unknown>,
): MatrixRow {
  const [operator, lead, trainer, admin, outsider, anonymous] = statuses;
  return { method, path, body, expect: { operator, lead, trainer, admin, outsider, anonymous } };
}

const resolve = async <T>(api: TestApi, value: Lazy<T>): Promise<T> =>
  typeof value === 'function' ? (value as (api: TestApi) => T | Promise<T>)(api) : value;

/** Runs every pair (each with a fresh token) and lists the mismatches: `[]` when all hold. */
export async function runMatrix(api: TestApi, rows: readonly MatrixRow[]): Promise<string[]> {
  const mismatches: string[] = [];
  for (const r of rows) {
    for (const actor of [...MATRIX_ACTORS, 'anonymous'] as const) {
      const path = await resolve(api, r.path);
      const body = r.body === undefined ? undefined : await resolve(api, r.body);
      const answer = await api.request(r.method, path, {
        ...(actor === 'anonymous' ? {} : { as: actor }),
        ...(body === undefined ? {} : { body }),
      });
      if (answer.status !== r.expect[actor]) {
        const template = typeof r.path === 'string' ? r.path : path;
        mismatches.push(`${r.method} ${template} as ${actor}: expected ${r.expect[actor]}, got ${answer.status}`);
      }
    }
  }
  return mismatches;
}
