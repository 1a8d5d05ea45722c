// "No suitable answer" reports on every test database: feedback.no_answer events become feedback
// rows (with or without a call, alone in a batch or among call events), a report about another
// user's call is dead-lettered with the reason, the first report with an id wins, and the list is
// newest first and scoped like calls (R22), with bad query values a 400 (R21).
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FeedbackItem } from '../../lib/schema/api';
import type { CallRecord } from '../../lib/schema/call';
import { type Actor, openTestApi, type TestApi } from '../support/api';
import { callRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

const T0 = Date.UTC(2025, 2, 4, 12, 0, 0);

interface Report {
  id: string;
  callId: string | null;
  callTypeId: string | null;
  moduleId: string | null;
  scriptsVersion: string | number | null;
  text: string;
  at: number;
}

const report = (at: number, overrides: Partial<Report> = {}): Report => ({
  id: ulid(at),
  callId: null,
  callTypeId: null,
  moduleId: null,
  scriptsVersion: null,
  text: 'Абонент спросил про скидку для пенсионеров',
  at,
  ...overrides,
});

describe.each(testDatabases())('feedback on $name', (target) => {
  let api: TestApi;
  let mine: CallRecord;
  let theirs: CallRecord;
  const sent: Record<string, Report> = {};

  beforeAll(async () => {
    api = await openTestApi(target);
    mine = callRecord(T0, { endedAt: T0 + 60_000, durationMs: 60_000, updatedAt: T0 + 60_000 });
    theirs = callRecord(T0 + 1000);
    expect((await api.device('operator2')(['call.started', theirs])).body.accepted).toBe(1);
    const scriptsVersion = ulid(T0);
    sent.withCall = report(T0 + 10_000, {
      callId: mine.id,
      callTypeId: 'billing',
      moduleId: 'negative_balance',
      scriptsVersion,
      text: '«У меня пенсия только 15-го» — нет ответа про отсрочку',
    });
    sent.noCall = report(T0 + 20_000, { scriptsVersion: 4, text: 'Спросили про <b>IPTV</b> на приставке' });
    // The call arrives in the same batch, before the report about it.
    const answer = await api.device('operator')(
      ['call.ended', mine],
      ['feedback.no_answer', sent.withCall],
      ['feedback.no_answer', sent.noCall],
    );
    expect(answer.body).toMatchObject({ accepted: 3, deadLettered: 0 });
    sent.other = report(T0 + 30_000, { text: 'Про тариф для дачи' });
    expect((await api.device('operator2')(['feedback.no_answer', sent.other])).body.accepted).toBe(1);
    sent.outside = report(T0 + 40_000, { text: 'Чужая организация' });
    expect((await api.device('outsider')(['feedback.no_answer', sent.outside])).body.accepted).toBe(1);
  });
  afterAll(() => api.close());

  const list = async (as: Actor, query = '') => {
    const answer = await api.request('GET', `/api/v1/feedback${query}`, { as });
    expect(answer.status).toBe(200);
    return answer.body as FeedbackItem[];
  };

  test('reports become rows with who sent them, newest first', async () => {
    const items = await list('admin');
    for (const item of items) expect(FeedbackItem.safeParse(item).success).toBe(true);
    expect(items.map((i) => i.id)).toEqual([sent.other?.id, sent.noCall?.id, sent.withCall?.id]);
    expect(items[2]).toEqual({
      ...sent.withCall,
      userId: api.users.operator.id,
      userName: 'Тест operator',
      teamId: api.teams.a.id,
    });
    // A version number (content edited before it ever synced) stays a number; markup stays text.
    expect(items[1]).toMatchObject({ scriptsVersion: 4, callId: null, text: 'Спросили про <b>IPTV</b> на приставке' });
    expect(items[0]).toMatchObject({ userId: api.users.operator2.id, teamId: api.teams.b.id });
  });

  test('R22: a lead sees their teams, trainers and admins the organisation, operators nothing', async () => {
    expect((await list('lead')).map((i) => i.id)).toEqual([sent.noCall?.id, sent.withCall?.id]);
    expect(await list('trainer')).toEqual(await list('admin'));
    expect((await list('outsider')).map((i) => i.id)).toEqual([sent.outside?.id]);
    const operator = await api.request('GET', '/api/v1/feedback', { as: 'operator' });
    expect(operator.status).toBe(403);
    expect((await api.request('GET', '/api/v1/feedback')).status).toBe(401);
  });

  test('a report about another user’s call is dead-lettered with the reason; later events still apply', async () => {
    const later = report(T0 + 50_000, { text: 'после отказа' });
    const answer = await api.device('operator')(
      ['feedback.no_answer', report(T0 + 45_000, { callId: theirs.id })],
      ['feedback.no_answer', later],
    );
    expect(answer.body).toMatchObject({ accepted: 1, deadLettered: 1 });
    const [dead] = await api.db.query<{ reason: string; type: string }>(
      `select reason, type from dead_letters where user_id = $1`,
      [api.users.operator.id],
    );
    expect(dead).toEqual({ reason: 'the call belongs to another user', type: 'feedback.no_answer' });
    expect((await list('admin')).map((i) => i.id)).toContain(later.id);
  });

  test('a report about a call the server does not know keeps its call id; the first report with an id wins', async () => {
    const unknownCall = ulid(T0);
    const first = report(T0 + 60_000, { callId: unknownCall, text: 'первый' });
    await api.device('operator')(['feedback.no_answer', first]);
    const again = await api.device('operator')(['feedback.no_answer', { ...first, text: 'второй' }]);
    expect(again.body).toMatchObject({ accepted: 1, deadLettered: 0 });
    const items = (await list('admin')).filter((i) => i.id === first.id);
    expect(items).toEqual([expect.objectContaining({ callId: unknownCall, text: 'первый' })]);
  });

  test('filters by time (to exclusive) and limit; bad values are a 400', async () => {
    const window = await list('admin', `?from=${T0 + 10_000}&to=${T0 + 30_000}`);
    expect(window.map((i) => i.id)).toEqual([sent.noCall?.id, sent.withCall?.id]);
    expect(await list('admin', '?limit=1')).toHaveLength(1);
    for (const query of ['from=x', 'to=-1', 'from=10&to=5', 'limit=0', 'limit=9999999']) {
      const answer = await api.request('GET', `/api/v1/feedback?${query}`, { as: 'admin' });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(typeof answer.body.error.message).toBe('string');
    }
  });

  test('invalid reports are dead-lettered by the schema (empty text, text too long)', async () => {
    const answer = await api.device('operator2')(
      ['feedback.no_answer', report(T0, { text: '' })],
      ['feedback.no_answer', report(T0, { text: 'x'.repeat(501) })],
    );
    expect(answer.body).toMatchObject({ accepted: 0, deadLettered: 2 });
  });
});
