// The console's quality reports on every test database, checked against numbers worked out by hand:
// objections per call type (the call's last tag) follow the latest call record, and the weekly
// quality rows put the mean lead score (a failed critical item counts as 0) beside the mean
// self-check on the same calls. Both are scoped like calls (R22) and take a time range (R21).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContentVersion, ObjectionStat, QualityRow } from '../../lib/schema/api';
import type { CallRecord, CallTag, ObjectionUse } from '../../lib/schema/call';
import type { Checklist, ChecklistMarks } from '../../lib/schema/content';
import { qualityRows, WEEK_MS, weekStart } from '../../server/stats/quality-rows';
import { type Actor, type DeviceEvent, openTestApi, type TestApi } from '../support/api';
import { callRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

/** Monday 2025-03-03 00:00 UTC and the Monday after. */
const WEEK1 = Date.UTC(2025, 2, 3);
const WEEK2 = Date.UTC(2025, 2, 10);
const T0 = Date.UTC(2025, 2, 4, 10, 0, 0);

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

const tag = (typeId: string, at: number, n: number): CallTag => ({
  id: `01JNN${String(n).padStart(3, '0')}${'0'.repeat(18)}`,
  typeId,
  at,
});
const raised = (objectionId: string, at: number, handled: boolean, answerId: string | null = null): ObjectionUse => ({
  objectionId,
  at,
  answerId,
  handled,
});

describe('quality rows (pure)', () => {
  test('weeks start on Monday 00:00 UTC', () => {
    expect(weekStart(Date.UTC(2025, 2, 9, 23, 59, 59))).toBe(WEEK1);
    expect(weekStart(WEEK2)).toBe(WEEK2);
    expect(weekStart(WEEK2 - 1)).toBe(WEEK1);
    expect(weekStart(0)).toBe(Date.UTC(1969, 11, 29));
    expect(WEEK2 - WEEK1).toBe(WEEK_MS);
  });

  test('means round to one decimal; a call without a self-check is left out of the self mean', () => {
    const call = (lead: [number, boolean], self: [number, boolean] | null) => ({
      userId: 'u',
      userName: 'U',
      startedAt: T0,
      lead: { percent: lead[0], passed: lead[1] },
      self: self && { percent: self[0], passed: self[1] },
    });
    expect(qualityRows([call([62.5, true], [100, true]), call([90, false], null), call([33.3, true], null)])).toEqual([
      { userId: 'u', userName: 'U', weekStart: WEEK1, scored: 3, leadPercent: 31.9, selfPercent: 100, failed: 1 },
    ]);
    expect(qualityRows([call([70, true], null)])[0]?.selfPercent).toBeNull();
  });
});

describe.each(testDatabases())('quality reports on $name', (target) => {
  let api: TestApi;
  let checklist: ContentVersion;
  const pushers = new Map<Actor, (...events: DeviceEvent[]) => Promise<unknown>>();
  const calls: Record<string, CallRecord> = {};

  const push = async (actor: Actor, ...events: DeviceEvent[]) => {
    let pusher = pushers.get(actor);
    if (!pusher) {
      pusher = api.device(actor);
      pushers.set(actor, pusher);
    }
    const answer = (await pusher(...events)) as { body: { deadLettered: number } };
    expect(answer.body.deadLettered).toBe(0);
  };

  /** An ended call of the actor, started at `at`, made with the test checklist. */
  async function endedCall(name: string, actor: Actor, at: number, extra: Partial<CallRecord>) {
    const call = callRecord(at, {
      endedAt: at + 120_000,
      durationMs: 120_000,
      updatedAt: at + 120_000,
      versions: { checklist: checklist.versionId },
      ...extra,
    });
    calls[name] = call;
    await push(actor, ['call.ended', call]);
  }

  const scriptWith = (objections: ObjectionUse[], marks: ChecklistMarks = {}) => ({
    script: { modules: [], objections, checklist: marks },
  });

  beforeAll(async () => {
    api = await openTestApi(target);
    checklist = await api.publish('trainer', 'checklist', CHECKLIST);
    // Objections. Operator (team A): c1 ends on «tariff_change», c2 on «billing» with «expensive»
    // raised twice, c3 untagged. Operator2 (team B): c4 on «billing».
    await endedCall('c1', 'operator', T0, {
      tags: [tag('billing', T0 + 1, 1), tag('tariff_change', T0 + 2, 2)],
      ...scriptWith([raised('expensive', T0 + 10, true, 'per_day'), raised('think', T0 + 20, false)]),
    });
    await endedCall('c2', 'operator', T0 + 3600_000, {
      tags: [tag('billing', T0 + 3600_001, 3)],
      ...scriptWith([raised('expensive', T0 + 3600_010, false), raised('expensive', T0 + 3600_030, false)]),
    });
    await endedCall('c3', 'operator', T0 + 7200_000, { ...scriptWith([raised('no_time', T0 + 7200_010, true)]) });
    await endedCall('c4', 'operator2', T0, {
      tags: [tag('billing', T0 + 1, 4)],
      ...scriptWith([raised('expensive', T0 + 10, true, 'try_month')]),
    });
  });
  afterAll(() => api.close());

  const objections = async (as: Actor, query = '') => {
    const answer = await api.request('GET', `/api/v1/stats/objections${query}`, { as });
    expect(answer.status).toBe(200);
    return answer.body as ObjectionStat[];
  };

  test('objections per call type: raised once per call, handled when any raise was handled', async () => {
    expect(await objections('admin')).toEqual([
      { callTypeId: 'billing', objectionId: 'expensive', raised: 2, handled: 1 },
      { callTypeId: 'tariff_change', objectionId: 'expensive', raised: 1, handled: 1 },
      { callTypeId: 'tariff_change', objectionId: 'think', raised: 1, handled: 0 },
      { callTypeId: null, objectionId: 'no_time', raised: 1, handled: 1 },
    ]);
    expect(await objections('trainer')).toEqual(await objections('admin'));
    // The lead: team A only.
    expect(await objections('lead')).toEqual([
      { callTypeId: 'billing', objectionId: 'expensive', raised: 1, handled: 0 },
      { callTypeId: 'tariff_change', objectionId: 'expensive', raised: 1, handled: 1 },
      { callTypeId: 'tariff_change', objectionId: 'think', raised: 1, handled: 0 },
      { callTypeId: null, objectionId: 'no_time', raised: 1, handled: 1 },
    ]);
    expect(await objections('outsider')).toEqual([]);
    // By when the objection was raised: c2 and c3 are an hour and two after T0.
    expect(await objections('lead', `?from=${T0 + 3600_000}&to=${T0 + 7200_000}`)).toEqual([
      { callTypeId: 'billing', objectionId: 'expensive', raised: 1, handled: 0 },
    ]);
  });

  test('objections follow the latest record and the last tag; an older record never rewinds them', async () => {
    const c2 = calls.c2!;
    const c3 = calls.c3!;
    await push(
      'operator',
      // c2's newer record: the objection was taken back.
      ['call.updated', { ...c2, ...scriptWith([]), updatedAt: c2.updatedAt + 1000 }],
      // An older c2 record changes nothing.
      ['call.updated', { ...c2, updatedAt: c2.updatedAt - 1000 }],
      // A tag alone keeps c3's objections and moves them to its new last type.
      ['call.tagged', { callId: c3.id, tag: tag('other', c3.startedAt + 5000, 5) }],
    );
    expect(await objections('lead')).toEqual([
      { callTypeId: 'other', objectionId: 'no_time', raised: 1, handled: 1 },
      { callTypeId: 'tariff_change', objectionId: 'expensive', raised: 1, handled: 1 },
      { callTypeId: 'tariff_change', objectionId: 'think', raised: 1, handled: 0 },
    ]);
    const [row] = await api.db.query<{ script: unknown }>('select script from calls where id = $1', [c3.id]);
    expect(row?.script).toEqual(scriptWith([raised('no_time', T0 + 7200_010, true)]).script);
  });

  test('quality per operator and week: mean lead score (failed = 0) beside the mean self-check', async () => {
    // Operator, week 1: q1 lead 62.5 (passed), self 100; q2 (Sunday night) lead 90 but failed on
    // the critical item → 0, self 80. Week 2: q3 (Monday 00:30) lead 100, no self-check.
    // Operator2, week 1: q4 lead 50, self failed on the critical item → 0.
    await endedCall(
      'q1',
      'operator',
      Date.UTC(2025, 2, 4, 10),
      scriptWith([], { a: 'yes', b: 'yes', c: 'yes', d: 'na' }),
    );
    await endedCall(
      'q2',
      'operator',
      Date.UTC(2025, 2, 9, 23, 30),
      scriptWith([], { a: 'yes', b: 'no', c: 'yes', d: 'yes' }),
    );
    await endedCall('q3', 'operator', Date.UTC(2025, 2, 10, 0, 30), scriptWith([]));
    await endedCall(
      'q4',
      'operator2',
      Date.UTC(2025, 2, 5, 15),
      scriptWith([], { a: 'no', b: 'yes', c: 'yes', d: 'yes' }),
    );
    await endedCall('unscored', 'operator', Date.UTC(2025, 2, 6, 15), scriptWith([], { a: 'yes' }));
    const scores: [Actor, string, ChecklistMarks][] = [
      ['lead', 'q1', { a: 'yes', b: 'na', c: 'no', d: 'yes' }],
      ['lead', 'q2', { a: 'no', b: 'yes', c: 'yes', d: 'yes' }],
      ['trainer', 'q3', { a: 'yes', b: 'yes', c: 'yes', d: 'yes' }],
      ['admin', 'q4', { a: 'yes', b: 'yes', c: 'no', d: 'na' }],
    ];
    for (const [as, name, marks] of scores) {
      const answer = await api.request('POST', `/api/v1/calls/${calls[name]?.id}/score`, {
        as,
        body: { checklistVersionId: checklist.versionId, marks, comment: '' },
      });
      expect(answer.status).toBe(200);
    }
    const operator = { userId: api.users.operator.id, userName: 'Тест operator' };
    const operator2 = { userId: api.users.operator2.id, userName: 'Тест operator2' };
    const all: QualityRow[] = [
      { ...operator, weekStart: WEEK1, scored: 2, leadPercent: 31.3, selfPercent: 90, failed: 1 },
      { ...operator2, weekStart: WEEK1, scored: 1, leadPercent: 50, selfPercent: 0, failed: 0 },
      { ...operator, weekStart: WEEK2, scored: 1, leadPercent: 100, selfPercent: null, failed: 0 },
    ];
    const quality = async (as: Actor, query = '') => {
      const answer = await api.request('GET', `/api/v1/stats/quality${query}`, { as });
      expect(answer.status).toBe(200);
      return answer.body as QualityRow[];
    };
    expect(await quality('admin')).toEqual(all);
    expect(await quality('trainer')).toEqual(all);
    expect(await quality('lead')).toEqual([all[0], all[2]]);
    expect(await quality('outsider')).toEqual([]);
    // By when the call started.
    expect(await quality('admin', `?from=${WEEK2}`)).toEqual([all[2]]);
    expect(await quality('admin', `?to=${Date.UTC(2025, 2, 9)}`)).toEqual([
      { ...operator, weekStart: WEEK1, scored: 1, leadPercent: 62.5, selfPercent: 100, failed: 0 },
      all[1],
    ]);
  });

  test('R22 and R21: operators get 403; bad ranges are a 400 with a message', async () => {
    for (const path of ['/api/v1/stats/objections', '/api/v1/stats/quality']) {
      expect((await api.request('GET', path, { as: 'operator' })).status).toBe(403);
      expect((await api.request('GET', path)).status).toBe(401);
      for (const query of ['from=abc', 'to=1e5', 'from=10&to=5', 'from=-1']) {
        const answer = await api.request('GET', `${path}?${query}`, { as: 'lead' });
        expect({ path, query, status: answer.status }).toEqual({ path, query, status: 400 });
        expect(typeof answer.body.error.message).toBe('string');
      }
    }
  });
});
