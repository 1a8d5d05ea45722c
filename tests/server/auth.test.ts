// Login, logout, sessions and their limits, on every test database: tokens expire and are revoked
// at once (R19), brute force is slowed per account and per address, passwords are scrypt hashes
// and tokens are stored hashed (R23).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LoginAnswer, SessionUser } from '../../lib/schema/api';
import { SCRYPT_N, SCRYPT_P, SCRYPT_R } from '../../server/auth/password';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, LOGIN_WINDOW_MS } from '../../server/auth/rate-limit';
import { hashToken, TOKEN_TTL_MS } from '../../server/auth/tokens';
import { openTestApi, TEST_PASSWORD, type TestApi } from '../support/api';
import { testDatabases } from '../support/server-db';

describe.each(testDatabases())('auth on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    // Behind a trusted proxy, so each test can pick its own client address.
    api = await openTestApi(target, { trustProxy: true });
  });
  afterAll(() => api.close());

  let address = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });

  async function failures() {
    return (await api.db.query<{ n: number }>('select count(*)::int as n from login_failures'))[0]!.n;
  }

  test('login answers a token and the session user; the login is case-insensitive', async () => {
    const answer = await api.login('OpErAtOr', TEST_PASSWORD, from());
    expect(answer.status).toBe(200);
    const parsed = LoginAnswer.parse(answer.body);
    expect(parsed.user).toMatchObject({ login: 'operator', role: 'operator', orgId: api.org.id });
    expect(parsed.user.teams).toEqual([api.teams.a]);
    expect(parsed.expiresAt).toBe(api.clock.now + TOKEN_TTL_MS);
    const me = await api.request('GET', '/api/v1/auth/me', { token: parsed.token });
    expect(me.status).toBe(200);
    expect(SessionUser.parse(me.body)).toEqual(parsed.user);
  });

  test('a wrong password and an unknown login answer the same 401', async () => {
    const wrong = await api.login('trainer', 'not the password', from());
    const unknown = await api.login('nobody-here', 'not the password', from());
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error).toEqual({ code: 'unauthorized', message: 'wrong login or password' });
    expect((await api.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await api.request('GET', '/api/v1/auth/me', { token: 'x'.repeat(43) })).status).toBe(401);
  });

  test('a disabled user cannot log in, and their tokens stop working', async () => {
    const user = await api.addUser('operator', { teams: [api.teams.a] });
    const token = LoginAnswer.parse((await api.login(user.login, TEST_PASSWORD, from())).body).token;
    const disabled = await api.request('POST', `/api/v1/users/${user.id}/disable`, { as: 'admin' });
    expect(disabled.status).toBe(200);
    const again = await api.login(user.login, TEST_PASSWORD, from());
    expect(again.status).toBe(403);
    expect(again.body.error.message).toMatch(/disabled/);
    expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
  });

  test('a token expires after its lifetime', async () => {
    const answer = LoginAnswer.parse((await api.login('trainer', TEST_PASSWORD, from())).body);
    const start = api.clock.now;
    try {
      api.clock.now = answer.expiresAt - 1;
      expect((await api.request('GET', '/api/v1/auth/me', { token: answer.token })).status).toBe(200);
      api.clock.now = answer.expiresAt;
      const expired = await api.request('GET', '/api/v1/auth/me', { token: answer.token });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('unauthorized');
    } finally {
      api.clock.now = start;
    }
  });

  test('logout revokes exactly this token', async () => {
    const first = LoginAnswer.parse((await api.login('lead', TEST_PASSWORD, from())).body).token;
    const second = LoginAnswer.parse((await api.login('lead', TEST_PASSWORD, from())).body).token;
    const out = await api.request('POST', '/api/v1/auth/logout', { token: first });
    expect(out.status).toBe(200);
    expect((await api.request('GET', '/api/v1/auth/me', { token: first })).status).toBe(401);
    expect((await api.request('POST', '/api/v1/auth/logout', { token: first })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/auth/me', { token: second })).status).toBe(200);
  });

  test('R19: revoke-tokens stops every token of the user at once', async () => {
    const user = await api.addUser('operator', { teams: [api.teams.a] });
    const tokens = [
      LoginAnswer.parse((await api.login(user.login, TEST_PASSWORD, from())).body).token,
      LoginAnswer.parse((await api.login(user.login, TEST_PASSWORD, from())).body).token,
    ];
    for (const token of tokens) expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    const revoked = await api.request('POST', `/api/v1/users/${user.id}/revoke-tokens`, { as: 'admin' });
    expect(revoked.status).toBe(200);
    // The very next request, with no clock movement, is refused.
    for (const token of tokens) {
      expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
      expect((await api.request('GET', '/api/v1/teams', { token })).status).toBe(401);
    }
    // Logging in again works: revocation ends sessions, not the account.
    expect((await api.login(user.login, TEST_PASSWORD, from())).status).toBe(200);
  });

  test('R23: per account, the 6th attempt within 15 minutes is refused, even with the right password', async () => {
    const user = await api.addUser('operator', { teams: [api.teams.a] });
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      // Each from another address: only the account's limit is in play.
      expect((await api.login(user.login, `wrong ${i}`, from())).status).toBe(401);
    }
    const blocked = await api.login(user.login.toUpperCase(), TEST_PASSWORD, from());
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000);
    // Other accounts are not affected.
    expect((await api.login('trainer', TEST_PASSWORD, from())).status).toBe(200);
    const start = api.clock.now;
    try {
      api.clock.now = start + retryAfter * 1000;
      expect((await api.login(user.login, TEST_PASSWORD, from())).status).toBe(200);
      // A success clears the account's failures: five more tries are allowed again.
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) {
        expect((await api.login(user.login, `wrong again ${i}`, from())).status).toBe(401);
      }
      expect((await api.login(user.login, TEST_PASSWORD, from())).status).toBe(200);
    } finally {
      api.clock.now = start;
    }
  });

  test('R23: per address, 20 failures within 15 minutes block that address for every login', async () => {
    const attacker = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      // Spread over many logins, so no account limit is reached.
      expect((await api.login(`guess-${i % 10}`, `wrong ${i}`, attacker)).status).toBe(401);
    }
    const blocked = await api.login('admin', TEST_PASSWORD, attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // A blocked attempt is not counted, and other addresses still get in.
    const before = await failures();
    expect((await api.login('nobody', 'x', attacker)).status).toBe(429);
    expect(await failures()).toBe(before);
    expect((await api.login('admin', TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
    // Only the address the trusted proxy appended counts, not what the client wrote before it.
    const spoofed = await api.login('admin', TEST_PASSWORD, { 'x-forwarded-for': '10.9.9.9, 198.51.100.7' });
    expect(spoofed.status).toBe(429);
    // Old failures leave the window and are pruned.
    const start = api.clock.now;
    try {
      api.clock.now = start + LOGIN_WINDOW_MS + 1;
      expect((await api.login('admin', TEST_PASSWORD, attacker)).status).toBe(200);
      const left = await api.db.query<{ n: number }>('select count(*)::int as n from login_failures where at <= $1', [
        api.clock.now - LOGIN_WINDOW_MS,
      ]);
      expect(left[0]!.n).toBe(0);
    } finally {
      api.clock.now = start;
    }
  });

  test('R23: without a trusted proxy, X-Forwarded-For is ignored', async () => {
    const direct = await openTestApi(target);
    try {
      for (let i = 0; i < ADDRESS_LIMIT; i++) {
        await direct.login(`guess-${i % 10}`, 'wrong', { 'x-forwarded-for': `192.0.2.${i}` });
      }
      const blocked = await direct.login('admin', TEST_PASSWORD, { 'x-forwarded-for': '192.0.2.200' });
      expect(blocked.status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  test('R23: passwords are stored as scrypt hashes with N=2^15, r=8, p=1 and never as plain text', async () => {
    const rows = await api.db.query<{ login: string; password_hash: string }>('select login, password_hash from users');
    expect(rows.length).toBeGreaterThan(0);
    const salts = new Set<string>();
    for (const row of rows) {
      const parts = row.password_hash.split('$');
      expect(parts.slice(0, 4)).toEqual(['scrypt', String(SCRYPT_N), String(SCRYPT_R), String(SCRYPT_P)]);
      expect(SCRYPT_N).toBe(2 ** 15);
      expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
      salts.add(parts[4]!);
    }
    // Same password, different salts: equal passwords do not show as equal hashes.
    expect(salts.size).toBe(rows.length);
  });

  test('R23: tokens are stored only as their SHA-256', async () => {
    const answer = LoginAnswer.parse((await api.login('admin', TEST_PASSWORD, from())).body);
    const rows = await api.db.query<{ token_hash: string }>('select token_hash from tokens');
    expect(rows.some((r) => r.token_hash === hashToken(answer.token))).toBe(true);
    const dump = JSON.stringify(await api.db.query('select * from tokens'));
    expect(dump).not.toContain(answer.token);
  });
});
