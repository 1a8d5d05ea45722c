// Scoring calls on every test database: a finished call is scored against the checklist version it
// was made with and no other (409), an unfinished call or one without a server checklist cannot be
// scored, the server computes the result itself, the answer carries the operator's self-check
// (calibration), a re-score replaces the score, and only leads (their teams), trainers and admins
// score (R22); bad bodies are a 400 that stores nothing (R21).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { CallScore, CallView, type ContentVersion } from '../../lib/schema/api';
import type { CallRecord, CallScript } from '../../lib/schema/call';
import type { Checklist, ChecklistMarks } from '../../lib/schema/content';
import { type Actor, openTestApi, type TestApi } from '../support/api';
import { callRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

const T0 = Date.UTC(2025, 2, 4, 10, 0, 0);

/** Weights 10 + 20 + 30 + 40 = 100, so every percent below is easy to check by hand. */
const CHECKLIST: Checklist = {
  title: 'Проверка',
  sections: [
    {
      id: 's1',
      title: 'Начало',
      items: [
        { id: 'a', text: 'Представился', hint: '', weight: 10, critical: true, naAllowed: false },
        { id: 'b', text: 'Проверил договор', hint: '', weight: 20, critical: false, naAllowed: true },
        { id: 'c', text: 'Выяснил причину', hint: '', weight: 30, critical: false, naAllowed: false },
      ],
    },
    {
      id: 's2',
      title: 'Предложение',
      items: [{ id: 'd', text: 'Предложил тариф', hint: '', weight: 40, critical: false, naAllowed: true }],
    },
  ],
};

const SELF: ChecklistMarks = { a: 'yes', b: 'yes', c: 'yes', d: 'na' };

const script = (checklist: ChecklistMarks): CallScript => ({ modules: [], objections: [], checklist });

describe.each(testDatabases())('call scores on $name', (target) => {
  let api: TestApi;
  let v1: ContentVersion;
  let v2: ContentVersion;
  let classifier: ContentVersion;
  const calls: Record<string, CallRecord> = {};

  /** An ended call (unless `open`) of the actor, made with `versions`, pushed through sync. */
  async function makeCall(
    name: string,
    actor: Actor,
    versions: CallRecord['versions'],
    options: { open?: boolean; self?: ChecklistMarks } = {},
  ) {
    const at = T0 + Object.keys(calls).length * 600_000;
    const record = callRecord(at, {
      versions,
      script: script(options.self ?? SELF),
      ...(options.open ? {} : { endedAt: at + 120_000, durationMs: 120_000, updatedAt: at + 120_000 }),
    });
    const answer = await api.device(actor)([options.open ? 'call.started' : 'call.ended', record]);
    expect(answer.body.accepted).toBe(1);
    calls[name] = record;
  }

  beforeAll(async () => {
    api = await openTestApi(target);
    v1 = await api.publish('trainer', 'checklist', CHECKLIST);
    v2 = await api.publish('trainer', 'checklist', { ...CHECKLIST, title: 'Проверка, версия 2' });
    classifier = await api.publish('admin', 'classifier', DEFAULT_CLASSIFIER);
    await makeCall('done', 'operator', { checklist: v1.versionId, classifier: classifier.versionId });
    await makeCall('open', 'operator', { checklist: v1.versionId }, { open: true });
    await makeCall('otherTeam', 'operator2', { checklist: v1.versionId });
    await makeCall('noChecklist', 'operator', { classifier: classifier.versionId });
    await makeCall('localChecklist', 'operator', { checklist: 3 });
    await makeCall('wrongKind', 'operator', { checklist: classifier.versionId });
    await makeCall('unmarked', 'operator', { checklist: v2.versionId }, { self: {} });
  });
  afterAll(() => api.close());

  const id = (name: string) => {
    const call = calls[name];
    if (!call) throw new Error(`no call ${name}`);
    return call.id;
  };
  const score = (as: Actor, name: string, body: unknown) =>
    api.request('POST', `/api/v1/calls/${id(name)}/score`, { as, body });
  const scoreCount = async () =>
    (await api.db.query<{ n: number }>('select count(*)::int as n from call_scores'))[0]?.n ?? 0;

  test('a lead scores a finished call on its own version; the server computes the result beside the self-check', async () => {
    // a yes (10), b N/A, c no (30), d yes (40): 50 of 80 applicable = 62.5 %. A result the client
    // sends is not part of the body and changes nothing.
    const marks: ChecklistMarks = { a: 'yes', b: 'na', c: 'no', d: 'yes' };
    const answer = await score('lead', 'done', {
      checklistVersionId: v1.versionId,
      marks,
      comment: 'Не выяснил причину',
      result: { percent: 100, passed: true, failedCritical: [], open: [] },
    });
    expect(answer.status).toBe(200);
    expect(CallScore.safeParse(answer.body).success).toBe(true);
    expect(answer.body).toEqual({
      callId: id('done'),
      checklistVersionId: v1.versionId,
      marks,
      result: { percent: 62.5, failedCritical: [], passed: true, open: [] },
      // Self-check: a, b, c yes (60), d N/A: 60 of 60 = 100 %.
      selfMarks: SELF,
      selfResult: { percent: 100, failedCritical: [], passed: true, open: [] },
      comment: 'Не выяснил причину',
      scoredBy: 'Тест lead',
      scoredAt: api.clock.now,
    });
    const read = await api.request('GET', `/api/v1/calls/${id('done')}/score`, { as: 'lead' });
    expect(read.body).toEqual(answer.body);
    // The operator sees how their own call was scored.
    expect((await api.request('GET', `/api/v1/calls/${id('done')}/score`, { as: 'operator' })).body).toEqual(
      answer.body,
    );
    const view = await api.request('GET', `/api/v1/calls/${id('done')}`, { as: 'lead' });
    expect(CallView.safeParse(view.body).success).toBe(true);
    expect(view.body).toMatchObject({ id: id('done'), scored: true, script: script(SELF) });
  });

  test('a re-score replaces the score; a failed critical item fails the call', async () => {
    api.clock.now += 60_000;
    // a no (critical), b, c, d yes: 90 of 100 = 90 %, but the call fails on a.
    const answer = await score('trainer', 'done', {
      checklistVersionId: v1.versionId,
      marks: { a: 'no', b: 'yes', c: 'yes', d: 'yes' },
      comment: '',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({ percent: 90, failedCritical: ['a'], passed: false, open: [] });
    expect(answer.body).toMatchObject({ scoredBy: 'Тест trainer', scoredAt: api.clock.now, comment: '' });
    const rows = await api.db.query<{ percent: number; passed: boolean; failed_critical: string[] }>(
      'select percent, passed, failed_critical from call_scores where call_id = $1',
      [id('done')],
    );
    expect(rows).toEqual([{ percent: 90, passed: false, failed_critical: ['a'] }]);
    expect((await api.request('GET', `/api/v1/calls/${id('done')}/score`, { as: 'admin' })).body).toEqual(answer.body);
  });

  test('open items count as not done and are listed; an empty self-check scores as all open', async () => {
    const answer = await score('admin', 'unmarked', {
      checklistVersionId: v2.versionId,
      marks: { c: 'yes' },
      comment: '',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({ percent: 30, failedCritical: ['a'], passed: false, open: ['a', 'b', 'd'] });
    expect(answer.body.selfMarks).toEqual({});
    expect(answer.body.selfResult).toEqual({
      percent: 0,
      failedCritical: ['a'],
      passed: false,
      open: ['a', 'b', 'c', 'd'],
    });
  });

  test('409: another version than the call used, an unfinished call, no server checklist on the call', async () => {
    const before = await scoreCount();
    const cases: { name: string; versionId: string; message: RegExp }[] = [
      { name: 'done', versionId: v2.versionId, message: /scored on the checklist version it was made with/ },
      { name: 'open', versionId: v1.versionId, message: /not ended/ },
      { name: 'noChecklist', versionId: v1.versionId, message: /without a checklist/ },
      { name: 'localChecklist', versionId: v1.versionId, message: /never reached the server/ },
      { name: 'wrongKind', versionId: classifier.versionId, message: /not a checklist/ },
    ];
    for (const c of cases) {
      const answer = await score('admin', c.name, {
        checklistVersionId: c.versionId,
        marks: { a: 'yes' },
        comment: '',
      });
      expect({ name: c.name, status: answer.status, code: answer.body.error.code }).toEqual({
        name: c.name,
        status: 409,
        code: 'conflict',
      });
      expect(answer.body.error.message).toMatch(c.message);
    }
    expect(await scoreCount()).toBe(before);
  });

  test('R22: leads score their teams only, operators never, nobody another organisation', async () => {
    const body = { checklistVersionId: v1.versionId, marks: { a: 'yes' }, comment: '' };
    expect((await score('operator', 'done', body)).status).toBe(403);
    expect((await score('lead', 'otherTeam', body)).status).toBe(404);
    expect((await score('outsider', 'done', body)).status).toBe(404);
    expect((await api.request('GET', `/api/v1/calls/${id('otherTeam')}/score`, { as: 'lead' })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/calls/${id('otherTeam')}`, { as: 'operator' })).status).toBe(404);
    expect((await score('trainer', 'otherTeam', body)).status).toBe(200);
    // An unscored call answers null.
    const unscored = await api.request('GET', `/api/v1/calls/${id('noChecklist')}/score`, { as: 'lead' });
    expect(unscored).toMatchObject({ status: 200, body: null });
  });

  test('R21: bad bodies and ids answer 400 with a message and store nothing', async () => {
    const before = await scoreCount();
    const valid = { checklistVersionId: v1.versionId, marks: { a: 'yes' }, comment: '' };
    const cases: { name: string; body?: unknown; rawBody?: string; message?: RegExp }[] = [
      { name: 'not JSON', rawBody: '{"marks":' },
      { name: 'empty', body: {} },
      { name: 'version not a ULID', body: { ...valid, checklistVersionId: 'v1' } },
      { name: 'mark not yes/no/na', body: { ...valid, marks: { a: 'maybe' } } },
      { name: 'item id with markup', body: { ...valid, marks: { '<img>': 'yes' } } },
      { name: 'unknown item', body: { ...valid, marks: { a: 'yes', zz: 'no' } }, message: /no such item.*zz/ },
      { name: 'comment too long', body: { ...valid, comment: 'x'.repeat(1001) } },
      { name: 'NUL in the comment', body: { ...valid, comment: 'a\u0000b' } },
      { name: 'marks an array', body: { ...valid, marks: ['yes'] } },
    ];
    for (const c of cases) {
      const answer = await api.request('POST', `/api/v1/calls/${id('otherTeam')}/score`, {
        as: 'admin',
        ...(c.rawBody === undefined ? { body: c.body } : { rawBody: c.rawBody }),
      });
      expect({ name: c.name, status: answer.status }).toEqual({ name: c.name, status: 400 });
      expect(answer.body.error.message).toMatch(c.message ?? /./);
    }
    expect((await api.request('POST', '/api/v1/calls/nope/score', { as: 'admin', body: valid })).status).toBe(400);
    expect((await api.request('GET', '/api/v1/calls/nope/score', { as: 'admin' })).status).toBe(400);
    const huge = await api.request('POST', `/api/v1/calls/${id('otherTeam')}/score`, {
      as: 'admin',
      rawBody: JSON.stringify({ ...valid, comment: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await scoreCount()).toBe(before);
  });
});
