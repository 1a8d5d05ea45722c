// The lead's reports on every test database, on call rows written straight into `calls` and
// `call_outcomes` with hand-made values, so every expected number below is worked out by hand: the
// call-type mix against the previous period (with the drift flag), offers and sales per type and per
// operator, request-to-connection conversion and the tariff mix. Sales belong to the period of their
// CALL's start. Leads see their own teams, admins the organisation or one team, operators only the
// tariff mix of their own teams, trainers nothing (R22); bad query values are a 400 naming the value
// (R21). The daily rollup is computed from the rows as rebuildProjections does; the mix reads it for
// the Moscow months (the organisation's zone) and the calls otherwise, with the same answers.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ModuleUse, OfferOutcome } from '../../lib/schema/call';
import type { ConversionReport, MixReport, TariffMixReport, UpsellReport } from '../../lib/schema/reports';
import { mixReport } from '../../server/reports/mix';
import { rebuildDays } from '../../server/sync/projection-days';
import { type Actor, openTestApi, row, runMatrix, type TestApi } from '../support/api';
import { testDatabases } from '../support/server-db';

const HOUR = 3600_000;
const MINUTE = 60_000;
/** Epoch ms of a Moscow wall-clock time (UTC+3 all year). */
const msk = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  Date.UTC(year, month - 1, day, hour - 3, minute);

// March 2025 in Moscow: offers, sales, conversion, tariff mix.
const MARCH = { from: msk(2025, 3, 1), to: msk(2025, 4, 1) };
// June 2024 in Moscow (30 days) and the 30 days before it: the mix.
const JUNE = { from: msk(2024, 6, 1), to: msk(2024, 7, 1) };

interface CallSpec {
  as: 'operator' | 'operator2';
  at: number;
  typeId: string | null;
  durationMs?: number | null;
  modules?: (OfferOutcome | null)[];
  outcomes?: { kind: string; monthly: number; itemId?: string | null; at?: number }[];
}

describe.each(testDatabases())('reports on $name', (target) => {
  let api: TestApi;

  async function insertCall(spec: CallSpec): Promise<string> {
    const user = api.users[spec.as];
    const teamId = spec.as === 'operator' ? api.teams.a.id : api.teams.b.id;
    const id = ulid(spec.at);
    const duration = spec.durationMs === undefined ? 60_000 : spec.durationMs;
    const modules: ModuleUse[] = (spec.modules ?? []).map((outcome, i) => ({
      moduleId: `m${i}`,
      shownAt: spec.at + 1000 * (i + 1),
      openMs: 5000,
      outcome,
    }));
    await api.db.query(
      `insert into calls (id, org_id, user_id, team_id, device_id, started_at, ended_at, duration_ms, direction,
                          source, subscriber, versions, tags, script, updated_at, type_id)
       values ($1, $2, $3, $4, 'device', $5, $6, $7, 'inbound', 'manual', '{}', '{}', '[]', $8::jsonb, $5, $9)`,
      [
        id,
        api.org.id,
        user.id,
        teamId,
        spec.at,
        duration === null ? null : spec.at + duration,
        duration,
        JSON.stringify({ modules, objections: [], checklist: {} }),
        spec.typeId,
      ],
    );
    for (const outcome of spec.outcomes ?? []) {
      await api.db.query(
        `insert into call_outcomes (outcome_id, call_id, org_id, user_id, team_id, kind, item_id, from_item_id, monthly,
                                    at, call_started_at)
         values ($1, $2, $3, $4, $5, $6, $7, null, $8, $9, $10)`,
        [
          ulid(),
          id,
          api.org.id,
          user.id,
          teamId,
          outcome.kind,
          outcome.itemId ?? null,
          outcome.monthly,
          outcome.at ?? spec.at + (duration ?? 0),
          spec.at,
        ],
      );
    }
    return id;
  }

  const repeat = async (count: number, spec: (i: number) => CallSpec) => {
    for (let i = 0; i < count; i++) await insertCall(spec(i));
  };

  beforeAll(async () => {
    api = await openTestApi(target);

    // ---- June 2024 (mix). Operator (team A) in June: 30 tech_support, 10 billing, 10 untagged;
    // in the 30 days before: 10, 20 and 10. Operator2 (team B) in June: 5 connection.
    const june = (i: number) => JUNE.from + 2 * HOUR + i * 10 * MINUTE;
    const may = (i: number) => msk(2024, 5, 10) + i * 10 * MINUTE;
    await repeat(30, (i) => ({ as: 'operator', at: june(i), typeId: 'tech_support' }));
    await repeat(10, (i) => ({ as: 'operator', at: june(30 + i), typeId: 'billing' }));
    await repeat(10, (i) => ({ as: 'operator', at: june(40 + i), typeId: null }));
    await repeat(10, (i) => ({ as: 'operator', at: may(i), typeId: 'tech_support' }));
    await repeat(20, (i) => ({ as: 'operator', at: may(10 + i), typeId: 'billing' }));
    await repeat(10, (i) => ({ as: 'operator', at: may(30 + i), typeId: null }));
    await repeat(5, (i) => ({ as: 'operator2', at: june(60 + i), typeId: 'connection' }));
    // Before the previous period (it starts 2 May 00:00) and at the period's end: in neither.
    await repeat(7, (i) => ({ as: 'operator', at: msk(2024, 5, 1, 23) + i * MINUTE, typeId: 'other' }));
    await insertCall({ as: 'operator', at: JUNE.to, typeId: 'other' });

    // ---- March 2025 (offers, sales, conversion, tariff mix). Operator (team A):
    await insertCall({
      as: 'operator',
      at: msk(2025, 3, 3, 10),
      typeId: 'billing',
      modules: ['accepted'],
      outcomes: [
        { kind: 'upgrade', monthly: 100, itemId: 'fast200' },
        { kind: 'callback', monthly: 0 },
      ],
    }); // u1
    await insertCall({ as: 'operator', at: msk(2025, 3, 3, 11), typeId: 'billing', modules: ['declined', null] }); // u2
    await insertCall({
      as: 'operator',
      at: msk(2025, 3, 4, 10),
      typeId: 'billing',
      modules: [null],
      outcomes: [
        { kind: 'service', monthly: 50, itemId: 'antivirus' },
        { kind: 'equipment', monthly: 30, itemId: 'router' },
      ],
    }); // u3
    // u4 starts on 31 March 23:00; its sale is recorded after the period ended and still counts.
    await insertCall({
      as: 'operator',
      at: msk(2025, 3, 31, 23),
      typeId: 'tech_support',
      modules: ['offered', 'accepted'],
      outcomes: [{ kind: 'upgrade', monthly: 200, itemId: 'fast300', at: MARCH.to + HOUR }],
    });
    await insertCall({
      as: 'operator',
      at: msk(2025, 3, 5, 10),
      typeId: null,
      outcomes: [{ kind: 'nothing', monthly: 0 }],
    }); // u5
    await insertCall({
      as: 'operator',
      at: msk(2025, 3, 6, 10),
      typeId: 'connection',
      outcomes: [{ kind: 'connection', monthly: 400, itemId: 'fast100' }],
    }); // u6
    await insertCall({
      as: 'operator',
      at: msk(2025, 3, 6, 11),
      typeId: 'connection',
      outcomes: [{ kind: 'upgrade', monthly: 150, itemId: 'fast200' }],
    }); // u7
    await insertCall({ as: 'operator', at: msk(2025, 3, 6, 12), typeId: 'connection' }); // u8
    // Started 10 minutes before March, its sale recorded in March: belongs to February.
    await insertCall({
      as: 'operator',
      at: MARCH.from - 10 * MINUTE,
      typeId: 'connection',
      modules: ['accepted'],
      outcomes: [{ kind: 'connection', monthly: 999, itemId: 'fast100', at: MARCH.from + 5 * MINUTE }],
    });
    // Operator2 (team B):
    await insertCall({
      as: 'operator2',
      at: msk(2025, 3, 10, 10),
      typeId: 'connection',
      modules: ['objection'],
      outcomes: [{ kind: 'connection', monthly: 500, itemId: 'fast100' }],
    }); // v1
    await insertCall({
      as: 'operator2',
      at: msk(2025, 3, 10, 11),
      typeId: 'billing',
      outcomes: [{ kind: 'connection', monthly: 600, itemId: 'fast300' }],
    }); // v2
    await rebuildDays(api.db, api.org.id);
  });
  afterAll(() => api.close());

  const get = async <T>(as: Actor, path: string): Promise<T> => {
    const answer = await api.request('GET', `/api/v1/reports/${path}`, { as });
    expect({ path, status: answer.status, body: answer.status === 200 ? null : answer.body }).toEqual({
      path,
      status: 200,
      body: null,
    });
    return answer.body as T;
  };
  const period = ({ from, to }: { from: number; to: number }) => `from=${from}&to=${to}`;

  test('mix: shares against the previous period, drift on the tech-support spike', async () => {
    const lead = await get<MixReport>('lead', `mix?${period(JUNE)}`);
    expect(lead).toEqual({
      from: JUNE.from,
      to: JUNE.to,
      previousFrom: msk(2024, 5, 2),
      total: 50,
      previousTotal: 40,
      untaggedShare: 0.2,
      rows: [
        { typeId: 'tech_support', calls: 30, share: 0.6, previousCalls: 10, previousShare: 0.25, drift: true },
        { typeId: 'billing', calls: 10, share: 0.2, previousCalls: 20, previousShare: 0.5, drift: false },
        { typeId: null, calls: 10, share: 0.2, previousCalls: 10, previousShare: 0.25, drift: false },
      ],
    });
    const admin = await get<MixReport>('admin', `mix?${period(JUNE)}`);
    expect(admin.total).toBe(55);
    expect(admin.untaggedShare).toBe(10 / 55);
    expect(admin.rows.map((r) => [r.typeId, r.calls, r.share, r.previousCalls, r.drift])).toEqual([
      ['tech_support', 30, 30 / 55, 10, true],
      ['billing', 10, 10 / 55, 20, false],
      [null, 10, 10 / 55, 10, false],
      ['connection', 5, 5 / 55, 0, false],
    ]);
    // One team: the admin asking for team B sees operator2's calls only.
    const teamB = await get<MixReport>('admin', `mix?${period(JUNE)}&teamId=${api.teams.b.id}`);
    expect(teamB.rows).toEqual([
      { typeId: 'connection', calls: 5, share: 1, previousCalls: 0, previousShare: 0, drift: false },
    ]);
    // Another organisation sees none of it.
    expect((await get<MixReport>('outsider', `mix?${period(JUNE)}`)).total).toBe(0);
  });

  test('mix: the daily rollup and the calls give the same answer; other bounds read the calls', async () => {
    const scopes = [
      { orgId: api.org.id, teamIds: null },
      { orgId: api.org.id, teamIds: [api.teams.b.id] },
    ];
    const june = { ...JUNE, tz: 'Europe/Moscow', teamId: null };
    const queries = [june, { ...MARCH, tz: 'Europe/Moscow', teamId: null }, { ...june, from: msk(2024, 6, 20) }];
    for (const scope of scopes) {
      for (const query of queries) {
        expect(await mixReport(api.db, scope, query)).toEqual(await mixReport(api.db, scope, query, { rollup: false }));
      }
    }
    // The Moscow month is read from call_days (a changed rollup shows), a period cut at another hour
    // or in another zone from the calls.
    const scope = scopes[0]!;
    const plain = await mixReport(api.db, scope, june);
    const shifted = { ...june, from: JUNE.from + HOUR };
    const utc = { ...june, tz: 'UTC' };
    const others = [await mixReport(api.db, scope, shifted), await mixReport(api.db, scope, utc)];
    await api.db.query('update call_days set calls = calls + 1 where org_id = $1', [api.org.id]);
    try {
      expect((await mixReport(api.db, scope, june)).total).toBeGreaterThan(plain.total);
      expect([await mixReport(api.db, scope, shifted), await mixReport(api.db, scope, utc)]).toEqual(others);
    } finally {
      await api.db.query('update call_days set calls = calls - 1 where org_id = $1', [api.org.id]);
    }
  });

  test('upsell per type: offers from the script, sales and revenue from outcomes of the calls', async () => {
    const lead = await get<UpsellReport>('lead', `upsell?${period(MARCH)}`);
    expect(lead).toEqual({
      by: 'type',
      rows: [
        { key: 'billing', label: 'billing', calls: 3, offered: 2, accepted: 1, sales: 2, revenue: 180 },
        { key: 'connection', label: 'connection', calls: 3, offered: 0, accepted: 0, sales: 2, revenue: 550 },
        { key: 'tech_support', label: 'tech_support', calls: 1, offered: 1, accepted: 1, sales: 1, revenue: 200 },
        { key: null, label: '', calls: 1, offered: 0, accepted: 0, sales: 0, revenue: 0 },
      ],
    });
    const admin = await get<UpsellReport>('admin', `upsell?${period(MARCH)}&by=type`);
    expect(admin.rows.slice(0, 2)).toEqual([
      { key: 'billing', label: 'billing', calls: 4, offered: 2, accepted: 1, sales: 3, revenue: 780 },
      { key: 'connection', label: 'connection', calls: 4, offered: 1, accepted: 0, sales: 3, revenue: 1050 },
    ]);
  });

  test('upsell per operator, labelled with the operator name', async () => {
    const admin = await get<UpsellReport>('admin', `upsell?${period(MARCH)}&by=operator`);
    expect(admin).toEqual({
      by: 'operator',
      rows: [
        {
          key: api.users.operator.id,
          label: 'Тест operator',
          calls: 8,
          offered: 3,
          accepted: 2,
          sales: 5,
          revenue: 930,
        },
        {
          key: api.users.operator2.id,
          label: 'Тест operator2',
          calls: 2,
          offered: 1,
          accepted: 0,
          sales: 2,
          revenue: 1100,
        },
      ],
    });
    // The lead: team A only.
    const lead = await get<UpsellReport>('lead', `upsell?${period(MARCH)}&by=operator`);
    expect(lead.rows.map((r) => r.key)).toEqual([api.users.operator.id]);
  });

  test('conversion: calls of the type, and those with a connection outcome', async () => {
    expect(await get<ConversionReport>('lead', `conversion?${period(MARCH)}`)).toEqual({
      typeId: 'connection',
      requests: 3,
      connected: 1,
      rate: 1 / 3,
    });
    expect(await get<ConversionReport>('admin', `conversion?${period(MARCH)}`)).toEqual({
      typeId: 'connection',
      requests: 4,
      connected: 2,
      rate: 0.5,
    });
    // A connection sold on a billing call counts for billing.
    expect(await get<ConversionReport>('admin', `conversion?${period(MARCH)}&typeId=billing`)).toEqual({
      typeId: 'billing',
      requests: 4,
      connected: 1,
      rate: 0.25,
    });
    expect(await get<ConversionReport>('admin', `conversion?${period(MARCH)}&typeId=termination`)).toEqual({
      typeId: 'termination',
      requests: 0,
      connected: 0,
      rate: null,
    });
  });

  test('tariff mix: connections and upgrades per catalogue item', async () => {
    expect(await get<TariffMixReport>('lead', `tariff-mix?${period(MARCH)}`)).toEqual({
      rows: [
        { itemId: 'fast200', kind: 'upgrade', sales: 2 },
        { itemId: 'fast100', kind: 'connection', sales: 1 },
        { itemId: 'fast300', kind: 'upgrade', sales: 1 },
      ],
    });
    expect(await get<TariffMixReport>('admin', `tariff-mix?${period(MARCH)}`)).toEqual({
      rows: [
        { itemId: 'fast100', kind: 'connection', sales: 2 },
        { itemId: 'fast200', kind: 'upgrade', sales: 2 },
        { itemId: 'fast300', kind: 'connection', sales: 1 },
        { itemId: 'fast300', kind: 'upgrade', sales: 1 },
      ],
    });
    // Only the first week of March: u1 alone (upgrade fast200).
    expect(await get<TariffMixReport>('lead', `tariff-mix?from=${MARCH.from}&to=${msk(2025, 3, 4)}`)).toEqual({
      rows: [{ itemId: 'fast200', kind: 'upgrade', sales: 1 }],
    });
    // An operator reads their team's mix (team A: the lead's figures), not another team's.
    expect(await get<TariffMixReport>('operator', `tariff-mix?${period(MARCH)}`)).toEqual(
      await get<TariffMixReport>('lead', `tariff-mix?${period(MARCH)}&teamId=${api.teams.a.id}`),
    );
    expect(await get<TariffMixReport>('operator2', `tariff-mix?${period(MARCH)}`)).toEqual({
      rows: [
        { itemId: 'fast100', kind: 'connection', sales: 1 },
        { itemId: 'fast300', kind: 'connection', sales: 1 },
      ],
    });
  });

  test('R22: leads and admins; operators the tariff mix of their teams; another organisation never', async () => {
    const q = 'from=0&to=1000';
    const a = () => `&teamId=${api.teams.a.id}`;
    const b = () => `&teamId=${api.teams.b.id}`;
    const other = () => `&teamId=${api.teams.other.id}`;
    const matrix = [];
    for (const report of ['mix', 'upsell', 'conversion', 'operators', 'tariff-mix']) {
      const path = `/api/v1/reports/${report}?${q}`;
      // The operator (team A) reads the tariff mix like a lead of team A.
      const op = (lead: number) => (report === 'tariff-mix' ? lead : 403);
      //                                             operator lead trainer admin outsider anonymous
      matrix.push(
        row('GET', path, /*                       */ [op(200), 200, 403, 200, 200, 401]),
        row('GET', () => path + a(), /*           */ [op(200), 200, 403, 200, 404, 401]),
        row('GET', () => path + b(), /*           */ [op(403), 403, 403, 200, 404, 401]),
        row('GET', () => path + other(), /*       */ [op(404), 404, 403, 404, 200, 401]),
      );
    }
    expect(await runMatrix(api, matrix)).toEqual([]);
  });

  test('R21: a bad or missing value is a 400 naming it, for every report', async () => {
    const cases: [string, string][] = [
      ['', 'from'],
      ['from=10', 'to'],
      ['from=abc&to=10', 'from'],
      ['from=10&to=1e5', 'to'],
      ['from=-1&to=10', 'from'],
      ['from=10&to=10', 'to'],
      ['from=10&to=5', 'to'],
      [`from=0&to=${367 * 24 * HOUR}`, 'to'],
      ['from=0&to=10&tz=Mars/Olympus_Mons', 'Mars/Olympus_Mons'],
      ['from=0&to=10&tz=Europe/Moscow%27', 'tz'],
      ['from=0&to=10&teamId=team-a', 'teamId'],
    ];
    for (const report of ['mix', 'upsell', 'conversion', 'operators', 'tariff-mix']) {
      for (const [query, named] of cases) {
        const answer = await api.request('GET', `/api/v1/reports/${report}?${query}`, { as: 'admin' });
        expect({ report, query, status: answer.status, named: answer.body?.error?.message?.includes(named) }).toEqual({
          report,
          query,
          status: 400,
          named: true,
        });
      }
    }
    const specific: [string, string][] = [
      ['upsell?from=0&to=10&by=team', 'by'],
      ['operators?from=0&to=10&period=month', 'period'],
      ['conversion?from=0&to=10&typeId=New%20Connection', 'typeId'],
    ];
    for (const [path, named] of specific) {
      const answer = await api.request('GET', `/api/v1/reports/${path}`, { as: 'lead' });
      expect({ path, status: answer.status, named: answer.body?.error?.message?.includes(named) }).toEqual({
        path,
        status: 400,
        named: true,
      });
    }
  });
});
