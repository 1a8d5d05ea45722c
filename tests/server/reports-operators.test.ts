// The per-operator day/week report on every test database, on call rows written straight into
// `calls` and `call_outcomes` with hand-made values: local days in Moscow (a call at 23:59:59 and one
// at 00:00 are on different days though the same UTC day) and in Warsaw across both clock changes,
// effective and short calls on their thresholds, sales (each sale outcome counts, as in the
// operator's panel) by the call's start, month-to-date plan attainment from the newest plan version
// of the day's month (the team's before the organisation's), and the "many calls, few reached"
// anomaly. The daily rollup is computed from the rows as rebuildProjections does: periods cut at the
// organisation's midnights read it, others the calls, and both give the same rows (also in Warsaw).
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyPlan } from '../../lib/plan/defaults';
import type { OperatorPlan, PlanDocument, PlanMeasure } from '../../lib/schema/plan';
import type { OperatorPeriodRow, OperatorReport } from '../../lib/schema/reports';
import { operatorReport } from '../../server/reports/operators';
import type { ReportQuery } from '../../server/reports/params';
import type { ReportScope } from '../../server/reports/scope';
import { rebuildDays } from '../../server/sync/projection-days';
import { type Actor, openTestApi, type TestApi } from '../support/api';
import { testDatabases } from '../support/server-db';

const MINUTE = 60_000;
const msk = (month: number, day: number, hour = 0, minute = 0, second = 0) =>
  Date.UTC(2025, month - 1, day, hour - 3, minute, second);

type Who = 'operator' | 'operator2';

describe.each(testDatabases())('operator report on $name', (target) => {
  let api: TestApi;

  async function insertCall(
    as: Who,
    at: number,
    durationMs: number | null,
    outcomes: { kind: string; monthly: number }[] = [],
  ) {
    const user = api.users[as];
    const teamId = as === 'operator' ? api.teams.a.id : api.teams.b.id;
    const id = ulid(at);
    await api.db.query(
      `insert into calls (id, org_id, user_id, team_id, device_id, started_at, ended_at, duration_ms, direction,
                          source, subscriber, versions, updated_at, type_id)
       values ($1, $2, $3, $4, 'device', $5, $6, $7, 'inbound', 'manual', '{}', '{}', $5, 'billing')`,
      [id, api.org.id, user.id, teamId, at, durationMs === null ? null : at + durationMs, durationMs],
    );
    for (const outcome of outcomes) {
      await api.db.query(
        `insert into call_outcomes (outcome_id, call_id, org_id, user_id, team_id, kind, item_id, from_item_id, monthly,
                                    at, call_started_at)
         values ($1, $2, $3, $4, $5, $6, null, null, $7, $8, $9)`,
        [ulid(), id, api.org.id, user.id, teamId, outcome.kind, outcome.monthly, at + (durationMs ?? 0), at],
      );
    }
  }

  const operatorPlan = (as: Who, targets: Partial<Pick<OperatorPlan, 'revenue' | 'sales'>>): OperatorPlan => ({
    userId: api.users[as].id,
    name: as,
    shifts: 20,
    revenue: targets.revenue ?? 0,
    sales: targets.sales ?? 0,
    effectiveCalls: 0,
    connections: null,
    upgrades: null,
  });
  const plan = (month: string, measure: PlanMeasure, effectiveCallMs: number, operators: OperatorPlan[]) => {
    const base = emptyPlan(month);
    const body: PlanDocument = { ...base, operators, effectiveCallMs, pay: { ...base.pay, measure } };
    return body;
  };

  beforeAll(async () => {
    api = await openTestApi(target);
    const a = api.teams.a.id;
    // Team A's plan for April: an older version (target 2000), the newer one (1000, effective from
    // 15 s), then May's (100) published last. The organisation's April plan counts sales, from 25 s.
    await api.publish(
      'lead',
      'plan',
      plan('2025-04', 'revenue', 15_000, [operatorPlan('operator', { revenue: 2000 })]),
      a,
    );
    await api.publish(
      'lead',
      'plan',
      plan('2025-04', 'revenue', 15_000, [operatorPlan('operator', { revenue: 1000 })]),
      a,
    );
    await api.publish(
      'lead',
      'plan',
      plan('2025-05', 'revenue', 15_000, [operatorPlan('operator', { revenue: 100 })]),
      a,
    );
    await api.publish(
      'admin',
      'plan',
      plan('2025-04', 'sales', 25_000, [
        operatorPlan('operator', { sales: 1 }),
        operatorPlan('operator2', { sales: 4 }),
      ]),
    );

    // Operator (team A). 1 April 23:59:59 and 2 April 00:00:00 in Moscow: the same UTC day.
    await insertCall('operator', msk(4, 1, 23, 59, 59), 25_000, [{ kind: 'connection', monthly: 500 }]); // a1
    await insertCall('operator', msk(4, 2, 0, 0, 0), 5_000); // a2: short
    await insertCall('operator', msk(4, 2, 10), null); // a3: never ended
    await insertCall('operator', msk(4, 2, 11), 15_000); // a4
    await insertCall('operator', msk(4, 2, 12), 10_000); // a5: not short (10 s is the limit)
    await insertCall('operator', msk(4, 2, 13), 20_000, [
      { kind: 'upgrade', monthly: 300 },
      { kind: 'service', monthly: 100 },
      { kind: 'callback', monthly: 0 },
    ]); // a6
    await insertCall('operator', msk(4, 30, 12), 30_000, [{ kind: 'upgrade', monthly: 100 }]); // a7
    await insertCall('operator', msk(5, 2, 12), 30_000, [{ kind: 'service', monthly: 50 }]); // a8
    // Operator2 (team B): 25 hang-ups on 2 April; on 3 April 20 calls, 6 of them effective.
    for (let i = 0; i < 25; i++) await insertCall('operator2', msk(4, 2, 9) + i * MINUTE, 5_000);
    for (let i = 0; i < 20; i++) {
      const outcomes =
        i === 0
          ? [
              { kind: 'connection', monthly: 700 },
              { kind: 'equipment', monthly: 0 },
            ]
          : [];
      await insertCall('operator2', msk(4, 3, 9) + i * MINUTE, i < 6 ? 30_000 : 5_000, outcomes);
    }

    // Warsaw, no plans (default threshold). Spring 2024 (31 March: 23 h) and autumn 2025 (26 October: 25 h).
    await insertCall('operator', Date.UTC(2024, 2, 30, 22, 59, 59, 999), 60_000); // 30 March 23:59:59.999 CET
    await insertCall('operator', Date.UTC(2024, 2, 30, 23, 30), 60_000); // 31 March 00:30 CET
    await insertCall('operator', Date.UTC(2024, 2, 31, 21, 30), 60_000); // 31 March 23:30 CEST
    await insertCall('operator', Date.UTC(2024, 2, 31, 22), 60_000); // 1 April 00:00 CEST
    await insertCall('operator', Date.UTC(2025, 9, 25, 21, 59, 59), 60_000); // 25 October 23:59:59 CEST
    await insertCall('operator', Date.UTC(2025, 9, 25, 22), 60_000); // 26 October 00:00 CEST
    await insertCall('operator', Date.UTC(2025, 9, 26, 22, 30), 60_000); // 26 October 23:30 CET
    await insertCall('operator', Date.UTC(2025, 9, 26, 23), 60_000); // 27 October 00:00 CET
    await rebuildDays(api.db, api.org.id);
  });
  afterAll(() => api.close());

  const report = async (as: Actor, query: string) => {
    const answer = await api.request('GET', `/api/v1/reports/operators?${query}`, { as });
    expect({ status: answer.status, error: answer.body?.error ?? null }).toEqual({ status: 200, error: null });
    return answer.body as OperatorReport;
  };
  const row = (
    who: Who,
    periodStart: number,
    figures: Omit<OperatorPeriodRow, 'userId' | 'userName' | 'periodStart'>,
  ): OperatorPeriodRow => ({
    userId: api.users[who].id,
    userName: `Тест ${who}`,
    periodStart,
    ...figures,
  });

  test('Moscow days: the lead sees team A with its plan (effective from 15 s, revenue attainment)', async () => {
    expect(await report('lead', `from=${msk(4, 1)}&to=${msk(4, 4)}`)).toEqual({
      period: 'day',
      effectiveCallMs: 15_000,
      rows: [
        row('operator', msk(4, 1), {
          calls: 1,
          effectiveCalls: 1,
          shortCalls: 0,
          sales: 1,
          revenue: 500,
          attainment: 0.5, // 500 of 1000 (the newer April version)
          anomaly: false,
        }),
        row('operator', msk(4, 2), {
          calls: 5,
          effectiveCalls: 2, // 15 s and 20 s
          shortCalls: 1, // 5 s; 10 s is not short, an unended call neither
          sales: 2, // the upgrade and the service of a6 (the callback is no sale)
          revenue: 400,
          attainment: 0.9, // 500 + 400 so far this month
          anomaly: false,
        }),
      ],
    });
  });

  test('the whole organisation: its plan sets 25 s; each operator measured on their own plan', async () => {
    const whole = await report('admin', `from=${msk(4, 1)}&to=${msk(4, 4)}&tz=Europe/Moscow`);
    expect(whole.effectiveCallMs).toBe(25_000);
    expect(whole.rows).toEqual([
      row('operator', msk(4, 1), {
        calls: 1,
        effectiveCalls: 1,
        shortCalls: 0,
        sales: 1,
        revenue: 500,
        attainment: 0.5, // the team plan comes first
        anomaly: false,
      }),
      row('operator', msk(4, 2), {
        calls: 5,
        effectiveCalls: 0,
        shortCalls: 1,
        sales: 2,
        revenue: 400,
        attainment: 0.9,
        anomaly: false,
      }),
      row('operator2', msk(4, 2), {
        calls: 25,
        effectiveCalls: 0,
        shortCalls: 25,
        sales: 0,
        revenue: 0,
        attainment: 0, // 0 of 4 sales (organisation plan)
        anomaly: true,
      }),
      row('operator2', msk(4, 3), {
        calls: 20,
        effectiveCalls: 6,
        shortCalls: 14,
        sales: 2, // a connection and an equipment sale on one call
        revenue: 700,
        attainment: 0.5, // 2 of 4 sales
        anomaly: false, // exactly 30 % effective
      }),
    ]);
    // Team B alone has no plan of its own: the organisation's threshold.
    const teamB = await report('admin', `from=${msk(4, 1)}&to=${msk(4, 4)}&teamId=${api.teams.b.id}`);
    expect(teamB.effectiveCallMs).toBe(25_000);
    expect(teamB.rows.map((r) => [r.userId, r.periodStart])).toEqual([
      [api.users.operator2.id, msk(4, 2)],
      [api.users.operator2.id, msk(4, 3)],
    ]);
  });

  test('a period starting inside a day counts from there; attainment still counts the month so far', async () => {
    expect((await report('lead', `from=${msk(4, 2, 11, 30)}&to=${msk(4, 3)}`)).rows).toEqual([
      row('operator', msk(4, 2), {
        calls: 2,
        effectiveCalls: 1,
        shortCalls: 0,
        sales: 2,
        revenue: 400,
        attainment: 0.9,
        anomaly: false,
      }),
    ]);
  });

  test('weeks start on the local Monday; a week across months measures the new month', async () => {
    expect((await report('lead', `from=${msk(4, 1)}&to=${msk(4, 4)}&period=week`)).rows).toEqual([
      row('operator', msk(3, 31), {
        calls: 6,
        effectiveCalls: 3,
        shortCalls: 1,
        sales: 3,
        revenue: 900,
        attainment: 0.9,
        anomaly: false,
      }),
    ]);
    // Monday 28 April to Sunday 4 May: the week's calls, and May so far against May's plan (50 of 100).
    const straddling = await report('lead', `from=${msk(4, 28)}&to=${msk(5, 5)}&period=week`);
    expect(straddling).toEqual({
      period: 'week',
      effectiveCallMs: 15_000,
      rows: [
        row('operator', msk(4, 28), {
          calls: 2,
          effectiveCalls: 2,
          shortCalls: 0,
          sales: 2,
          revenue: 150,
          attainment: 0.5,
          anomaly: false,
        }),
      ],
    });
  });

  test('Warsaw, spring forward: 31 March 2024 has 23 hours; no plan: 20 s, no attainment', async () => {
    const from = Date.UTC(2024, 2, 29, 23); // 30 March 00:00 CET
    const to = Date.UTC(2024, 3, 1, 22); // 2 April 00:00 CEST
    const answer = await report('admin', `from=${from}&to=${to}&tz=Europe/Warsaw`);
    expect(answer.effectiveCallMs).toBe(20_000);
    expect(answer.rows.map((r) => [r.periodStart, r.calls, r.attainment])).toEqual([
      [Date.UTC(2024, 2, 29, 23), 1, null],
      [Date.UTC(2024, 2, 30, 23), 2, null],
      [Date.UTC(2024, 2, 31, 22), 1, null],
    ]);
  });

  test('Warsaw, fall back: 26 October 2025 has 25 hours; weeks start at the local Monday', async () => {
    const from = Date.UTC(2025, 9, 24, 22); // 25 October 00:00 CEST
    const to = Date.UTC(2025, 9, 27, 23); // 28 October 00:00 CET
    const days = await report('admin', `from=${from}&to=${to}&tz=Europe/Warsaw`);
    expect(days.rows.map((r) => [r.periodStart, r.calls])).toEqual([
      [Date.UTC(2025, 9, 24, 22), 1],
      [Date.UTC(2025, 9, 25, 22), 2],
      [Date.UTC(2025, 9, 26, 23), 1],
    ]);
    const weeks = await report('admin', `from=${from}&to=${to}&tz=Europe/Warsaw&period=week`);
    expect(weeks.rows.map((r) => [r.periodStart, r.calls])).toEqual([
      [Date.UTC(2025, 9, 19, 22), 3], // Monday 20 October 00:00 CEST
      [Date.UTC(2025, 9, 26, 23), 1], // Monday 27 October 00:00 CET
    ]);
    // The same calls cut in Moscow (UTC+3): 25 October 23:59:59 CEST is 26 October 00:59:59 there,
    // and 26 October 23:30 CET is 27 October 01:30.
    const moscow = await report('admin', `from=${from}&to=${to}`);
    expect(moscow.rows.map((r) => [r.periodStart, r.calls])).toEqual([
      [Date.UTC(2025, 9, 25, 21), 2],
      [Date.UTC(2025, 9, 26, 21), 2],
    ]);
  });

  test('the daily rollup and the calls give the same rows; other bounds or zones read the calls', async () => {
    const whole: ReportScope = { orgId: api.org.id, teamIds: null };
    const teamA: ReportScope = { orgId: api.org.id, teamIds: [api.teams.a.id] };
    const moscow = (from: number, to: number): ReportQuery => ({ from, to, tz: 'Europe/Moscow', teamId: null });
    const same = async (scope: ReportScope, query: ReportQuery, period: 'day' | 'week') =>
      expect(await operatorReport(api.db, scope, query, period)).toEqual(
        await operatorReport(api.db, scope, query, period, { rollup: false }),
      );
    for (const scope of [whole, teamA]) {
      for (const period of ['day', 'week'] as const) {
        await same(scope, moscow(msk(4, 1), msk(4, 4)), period);
        await same(scope, moscow(msk(4, 28), msk(5, 5)), period);
        await same(scope, moscow(msk(4, 2, 11, 30), msk(4, 3)), period);
      }
    }
    // Read from call_days where it answers: a changed rollup shows there and nowhere else.
    const april = moscow(msk(4, 1), msk(4, 4));
    const inside = moscow(msk(4, 2, 11, 30), msk(4, 3));
    const before = [
      await operatorReport(api.db, whole, april, 'day'),
      await operatorReport(api.db, whole, inside, 'day'),
    ];
    await api.db.query('update call_days set calls = calls + 1 where org_id = $1', [api.org.id]);
    try {
      const after = [
        await operatorReport(api.db, whole, april, 'day'),
        await operatorReport(api.db, whole, inside, 'day'),
      ];
      expect(after[0]).not.toEqual(before[0]);
      expect(after[1]).toEqual(before[1]);
    } finally {
      await api.db.query('update call_days set calls = calls - 1 where org_id = $1', [api.org.id]);
    }
    // An organisation in Warsaw: its rollup cut there answers both clock changes like the calls do.
    await api.db.query(`update organisations set time_zone = 'Europe/Warsaw' where id = $1`, [api.org.id]);
    await rebuildDays(api.db, api.org.id);
    try {
      const warsaw = (from: number, to: number): ReportQuery => ({ from, to, tz: 'Europe/Warsaw', teamId: null });
      for (const period of ['day', 'week'] as const) {
        await same(whole, warsaw(Date.UTC(2024, 2, 29, 23), Date.UTC(2024, 3, 1, 22)), period);
        await same(whole, warsaw(Date.UTC(2025, 9, 24, 22), Date.UTC(2025, 9, 27, 23)), period);
        await same(whole, moscow(msk(4, 1), msk(4, 4)), period);
      }
    } finally {
      await api.db.query(`update organisations set time_zone = 'Europe/Moscow' where id = $1`, [api.org.id]);
      await rebuildDays(api.db, api.org.id);
    }
  });

  test('another organisation and an empty period have no rows', async () => {
    expect((await report('outsider', `from=${msk(4, 1)}&to=${msk(4, 4)}`)).rows).toEqual([]);
    expect((await report('lead', `from=${msk(6, 1)}&to=${msk(6, 2)}`)).rows).toEqual([]);
    // 10 minutes is fine too.
    expect((await report('lead', `from=${msk(4, 2)}&to=${msk(4, 2) + 10 * MINUTE}`)).rows).toHaveLength(1);
  });
});
