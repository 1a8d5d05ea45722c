// The calls list on every test database, scoped per role (R22): operators see their own calls,
// a lead their teams' and never another team's, trainers and admins their organisation, nobody
// another organisation's; filters by time and user; each call answers as a CallView (with the
// operator's name, the script side and whether it was scored), alone too; bad query values are a
// 400 (R21).
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CallView } from '../../lib/schema/api';
import { EMPTY_SCRIPT } from '../../lib/schema/call';
import { type Actor, openTestApi, type TestApi } from '../support/api';
import { callRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

const T0 = Date.UTC(2025, 2, 3, 11, 0, 0);

describe.each(testDatabases())('calls on $name', (target) => {
  let api: TestApi;
  const made: Record<string, string[]> = {};

  async function makeCalls(as: Actor, count: number, startAt: number) {
    const deviceId = ulid();
    const events = Array.from({ length: count }, (_, i) => {
      const startedAt = startAt + i * 60_000;
      const call = callRecord(startedAt, {
        endedAt: startedAt + 30_000,
        durationMs: 30_000,
        source: 'webrtc',
        callerNumber: `+7 ${as}`,
        tags: [{ id: ulid(startedAt), typeId: 'billing', at: startedAt + 1000 }],
        versions: { classifier: 3 },
        updatedAt: startedAt + 30_000,
      });
      return { id: ulid(), deviceId, seq: i + 1, type: 'call.ended', at: startedAt, schemaVersion: 1, payload: call };
    });
    const answer = await api.request('POST', '/api/v1/sync/push', { as, body: { deviceId, events } });
    expect(answer.body.accepted).toBe(count);
    made[as] = [...(made[as] ?? []), ...events.map((e) => e.payload.id)];
  }

  beforeAll(async () => {
    api = await openTestApi(target);
    await makeCalls('operator', 3, T0);
    await makeCalls('operator2', 2, T0 + 3600_000);
    await makeCalls('outsider', 2, T0);
  });
  afterAll(() => api.close());

  const ids = async (as: Actor, query = '') => {
    const answer = await api.request('GET', `/api/v1/calls${query}`, { as });
    expect(answer.status).toBe(200);
    return (answer.body as { id: string }[]).map((c) => c.id).sort();
  };
  const sorted = (...lists: (string[] | undefined)[]) => lists.flatMap((l) => l ?? []).sort();

  test('R22: each role sees exactly its scope of calls, never another team or organisation', async () => {
    expect(await ids('operator')).toEqual(sorted(made.operator));
    expect(await ids('operator2')).toEqual(sorted(made.operator2));
    expect(await ids('lead')).toEqual(sorted(made.operator)); // team A only
    expect(await ids('trainer')).toEqual(sorted(made.operator, made.operator2));
    expect(await ids('admin')).toEqual(sorted(made.operator, made.operator2));
    expect(await ids('outsider')).toEqual(sorted(made.outsider));
    // Asking for someone outside the scope yields nothing rather than their calls.
    expect(await ids('lead', `?userId=${api.users.operator2.id}`)).toEqual([]);
    expect(await ids('operator', `?userId=${api.users.operator2.id}`)).toEqual([]);
    expect(await ids('outsider', `?userId=${api.users.operator.id}`)).toEqual([]);
  });

  test('a lead sees the calls of a user who joins their team, made in the other team too', async () => {
    const both = await api.addUser('operator', { teams: [api.teams.b] });
    const token = (
      await api.request('POST', '/api/v1/auth/login', { body: { login: both.login, password: both.password } })
    ).body.token as string;
    const deviceId = ulid();
    const call = callRecord(T0, { direction: 'outbound' });
    const event = { id: ulid(), deviceId, seq: 1, type: 'call.started', at: T0, schemaVersion: 1, payload: call };
    await api.request('POST', '/api/v1/sync/push', { token, body: { deviceId, events: [event] } });
    expect(await ids('lead')).not.toContain(call.id);
    await api.db.query('insert into user_teams (user_id, team_id) values ($1, $2)', [both.id, api.teams.a.id]);
    expect(await ids('lead')).toContain(call.id);
  });

  test('the list carries each call with its tags, newest first, filtered by time and user', async () => {
    const answer = await api.request('GET', `/api/v1/calls?userId=${api.users.operator.id}`, { as: 'admin' });
    const calls = answer.body as { startedAt: number; tags: { typeId: string }[]; userId: string; teamId: string }[];
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.startedAt)).toEqual([T0 + 120_000, T0 + 60_000, T0]);
    expect(calls[0]).toMatchObject({
      userId: api.users.operator.id,
      teamId: api.teams.a.id,
      durationMs: 30_000,
      tags: [{ typeId: 'billing' }],
    });
    expect(await ids('admin', `?from=${T0 + 60_000}&to=${T0 + 120_000}`)).toEqual([made.operator?.[1]]);
    expect(await ids('admin', `?from=${T0 + 3600_000}`)).toEqual(sorted(made.operator2));
    expect(await ids('admin', '?limit=1')).toHaveLength(1);
  });

  test('each call is a CallView with the operator’s name, its script side and whether it was scored', async () => {
    const answer = await api.request('GET', '/api/v1/calls', { as: 'admin' });
    for (const call of answer.body) expect(CallView.safeParse(call).success).toBe(true);
    const first = (answer.body as CallView[]).find((c) => c.id === made.operator?.[0]);
    expect(first).toMatchObject({ userName: 'Тест operator', script: EMPTY_SCRIPT, scored: false });
    const one = await api.request('GET', `/api/v1/calls/${first?.id}`, { as: 'operator' });
    expect(one).toMatchObject({ status: 200, body: first });
    // Outside the caller's scope a call does not exist.
    expect((await api.request('GET', `/api/v1/calls/${first?.id}`, { as: 'operator2' })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/calls/${first?.id}`, { as: 'outsider' })).status).toBe(404);
  });

  test('R21: bad query values are a 400 with a message', async () => {
    for (const query of ['from=abc', 'to=-5', 'from=10&to=5', 'userId=bob', 'limit=0', 'limit=100000', 'from=1.5']) {
      const answer = await api.request('GET', `/api/v1/calls?${query}`, { as: 'admin' });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(typeof answer.body.error.message).toBe('string');
    }
    expect((await api.request('GET', '/api/v1/calls/versions/nope', { as: 'admin' })).status).toBe(400);
    expect((await api.request('GET', '/api/v1/calls/nope', { as: 'admin' })).status).toBe(400);
  });
});
