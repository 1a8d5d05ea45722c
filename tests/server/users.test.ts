// Users and teams endpoints on every test database: who sees and manages whom (R22, with the
// role × endpoint matrix), nothing of another organisation leaks, and every body that is
// malformed, wrongly typed, oversized or empty answers a 4xx and stores nothing (R21).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestApi, row, runMatrix, TEST_PASSWORD, type TestApi } from '../support/api';
import { testDatabases } from '../support/server-db';

let made = 0;
const newUserBody = (api: TestApi) => ({
  login: `New.User-${++made}`,
  name: 'Новый Оператор',
  role: 'operator',
  password: 'long enough password',
  teamIds: [api.teams.a.id],
});
/** A fresh operator of the organisation to act on (disable/revoke change their target). */
const victim = (action: string) => async (api: TestApi) =>
  `/api/v1/users/${(await api.addUser('operator', { teams: [api.teams.a] })).id}/${action}`;

// R22: the expected status of every role × endpoint pair. `outsider` is an admin of another
// organisation: ids of this organisation are unknown to them (404), their lists show only their own.
// biome-ignore format: the matrix reads as a table
const MATRIX = [
  //                                                operator lead trainer admin outsider anonymous
  row('GET',  '/api/v1/auth/me',                    [200,     200, 200,    200,  200,     401]),
  row('POST', '/api/v1/auth/logout',                [200,     200, 200,    200,  200,     401]),
  row('GET',  '/api/v1/teams',                      [200,     200, 200,    200,  200,     401]),
  row('GET',  '/api/v1/users',                      [403,     200, 403,    200,  200,     401]),
  row('POST', '/api/v1/users',                      [403,     403, 403,    201,  400,     401], newUserBody),
  row('POST', victim('revoke-tokens'),              [403,     403, 403,    200,  404,     401]),
  row('POST', victim('disable'),                    [403,     403, 403,    200,  404,     401]),
];

describe.each(testDatabases())('users and teams on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  async function counts() {
    const [row] = await api.db.query<Record<string, number>>(
      `select (select count(*)::int from users) as users, (select count(*)::int from user_teams) as user_teams,
              (select count(*)::int from tokens where revoked_at is null) as live_tokens,
              (select count(*)::int from login_failures) as login_failures,
              (select count(*)::int from users where disabled_at is not null) as disabled`,
    );
    return row;
  }

  test('R22: the role × endpoint matrix holds', async () => {
    expect(await runMatrix(api, MATRIX)).toEqual([]);
  });

  test('teams: admins and trainers see every team of their organisation, others their own', async () => {
    const names = async (as: 'operator' | 'operator2' | 'lead' | 'trainer' | 'admin' | 'outsider') =>
      (await api.request('GET', '/api/v1/teams', { as })).body.teams;
    const { a, b, other } = api.teams;
    expect(await names('admin')).toEqual([a, b]);
    expect(await names('trainer')).toEqual([a, b]);
    expect(await names('lead')).toEqual([a]);
    expect(await names('operator')).toEqual([a]);
    expect(await names('operator2')).toEqual([b]);
    expect(await names('outsider')).toEqual([other]);
  });

  test('users: an admin lists the organisation, a lead the members of their teams, nobody another organisation', async () => {
    const logins = async (as: 'lead' | 'admin' | 'outsider') =>
      ((await api.request('GET', '/api/v1/users', { as })).body.users as { login: string }[]).map((u) => u.login);
    const all = await logins('admin');
    expect(all).toEqual(expect.arrayContaining(['admin', 'lead', 'operator', 'operator2', 'trainer']));
    expect(all).not.toContain('outsider');
    const lead = await logins('lead');
    expect(lead).toEqual(expect.arrayContaining(['lead', 'operator']));
    expect(lead).not.toContain('operator2');
    expect(lead).not.toContain('trainer');
    expect(lead).not.toContain('admin');
    expect(await logins('outsider')).toEqual(['outsider']);
    const listed = (await api.request('GET', '/api/v1/users', { as: 'admin' })).body.users;
    expect(JSON.stringify(listed)).not.toMatch(/password|scrypt/);
    expect(listed.find((u: { login: string }) => u.login === 'operator')).toMatchObject({
      role: 'operator',
      teams: [api.teams.a],
      disabled: false,
    });
  });

  test('an admin creates a user who can log in; the login is stored lower-cased', async () => {
    const body = { ...newUserBody(api), teamIds: [api.teams.a.id, api.teams.b.id] };
    const created = await api.request('POST', '/api/v1/users', { as: 'admin', body });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ login: body.login.toLowerCase(), role: 'operator', disabled: false });
    expect(created.body.user.teams).toEqual([api.teams.a, api.teams.b]);
    expect((await api.login(body.login.toLowerCase(), body.password)).status).toBe(200);
    const again = await api.request('POST', '/api/v1/users', {
      as: 'admin',
      body: { ...body, login: body.login.toUpperCase() },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  test('creating a user with a team of another organisation, or a short password, stores nothing', async () => {
    const token = await api.tokenOf('admin');
    const before = await counts();
    const foreign = await api.request('POST', '/api/v1/users', {
      token,
      body: { ...newUserBody(api), teamIds: [api.teams.a.id, api.teams.other.id] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/team/);
    const short = await api.request('POST', '/api/v1/users', {
      token,
      body: { ...newUserBody(api), password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/password/);
    expect(await counts()).toEqual(before);
  });

  test("another organisation's user ids, and ids that are no ids, answer 404", async () => {
    const outsiderId = api.users.outsider.id;
    for (const path of [
      `/api/v1/users/${outsiderId}/disable`,
      `/api/v1/users/${outsiderId}/revoke-tokens`,
      '/api/v1/users/not-an-id/disable',
      "/api/v1/users/'%20or%201=1--/revoke-tokens",
    ]) {
      const answer = await api.request('POST', path, { as: 'admin' });
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    expect((await api.request('GET', '/api/v1/auth/me', { as: 'outsider' })).status).toBe(200);
  });

  test('an admin cannot disable their own account', async () => {
    const answer = await api.request('POST', `/api/v1/users/${api.users.admin.id}/disable`, { as: 'admin' });
    expect(answer.status).toBe(409);
    expect((await api.request('GET', '/api/v1/auth/me', { as: 'admin' })).status).toBe(200);
  });

  describe('R21: bodies that are malformed, wrongly typed, oversized or empty', () => {
    const huge = JSON.stringify({ login: 'big', password: 'x'.repeat(2 * 1024 * 1024) });
    const cases: { name: string; rawBody: string; status: number; code: string }[] = [
      { name: 'malformed JSON', rawBody: '{"login": "admin", ', status: 400, code: 'bad_request' },
      { name: 'not an object', rawBody: '[1, 2, 3]', status: 400, code: 'bad_request' },
      { name: 'null', rawBody: 'null', status: 400, code: 'bad_request' },
      {
        name: 'wrong types',
        rawBody: JSON.stringify({ login: 5, name: [], role: 'boss', password: { a: 1 }, teamIds: 'x' }),
        status: 400,
        code: 'bad_request',
      },
      { name: 'empty body', rawBody: '', status: 400, code: 'bad_request' },
      { name: 'a 2 MiB body', rawBody: huge, status: 413, code: 'too_large' },
    ];

    for (const endpoint of ['/api/v1/auth/login', '/api/v1/users']) {
      test.each(cases)(`POST ${endpoint}: $name`, async ({ rawBody, status, code }) => {
        const before = await counts();
        const answer = await api.request('POST', endpoint, { as: 'admin', rawBody });
        expect(answer.status).toBe(status);
        expect(answer.body.error.code).toBe(code);
        expect(answer.body.error.message.length).toBeGreaterThan(0);
        // The admin's own fresh token is the only change a request may leave behind.
        const after = await counts();
        expect({ ...after, live_tokens: after!.live_tokens! - 1 }).toEqual(before);
      });
    }

    test('wrong types are named in the message', async () => {
      const answer = await api.request('POST', '/api/v1/users', {
        as: 'admin',
        body: { login: 5, name: 'x', role: 'boss', password: 'long enough', teamIds: [] },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/login/);
      expect(answer.body.error.message).toMatch(/role/);
    });

    test('unknown fields are ignored', async () => {
      const login = await api.request('POST', '/api/v1/auth/login', {
        body: { login: 'trainer', password: TEST_PASSWORD, remember: true, extra: { deep: [1] } },
      });
      expect(login.status).toBe(200);
      const created = await api.request('POST', '/api/v1/users', {
        as: 'admin',
        body: { ...newUserBody(api), isRoot: true, orgId: api.otherOrg.id },
      });
      expect(created.status).toBe(201);
      const [stored] = await api.db.query<{ org_id: string }>('select org_id from users where id = $1', [
        created.body.user.id,
      ]);
      expect(stored?.org_id).toBe(api.org.id);
    });

    test('an oversized body on an endpoint without a body is refused before it acts', async () => {
      const user = await api.addUser('operator', { teams: [api.teams.a] });
      const token = await api.tokenOf('operator');
      for (const path of [`/api/v1/users/${user.id}/disable`, `/api/v1/users/${user.id}/revoke-tokens`]) {
        const answer = await api.request('POST', path, { as: 'admin', rawBody: huge });
        expect(answer.status).toBe(413);
      }
      expect((await api.request('POST', '/api/v1/auth/logout', { token, rawBody: huge })).status).toBe(413);
      expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);
      expect((await api.login(user.login, TEST_PASSWORD)).status).toBe(200);
    });
  });
});
