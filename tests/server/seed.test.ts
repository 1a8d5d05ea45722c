// The demo seed on every test database: it creates the demo organisation once, its users log in
// with the passwords it returns, the default classifier and content are published, the operators'
// call history of this month and the previous one arrives through the push path (every event
// applied, none dead-lettered) with the script side recorded against those versions, sales with
// catalogue amounts and a call-type mix like DOMAIN.md's with an outage yesterday, the lead's plan
// for this month is published and valid, and the lead has scored two calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '../../lib/content/defaults';
import { DEFAULT_PAY_RULE } from '../../lib/plan/defaults';
import { planRevenue } from '../../lib/plan/formula';
import { CallScore, CallView, FeedbackItem, LoginAnswer, QualityRow } from '../../lib/schema/api';
import { CallOutcome, CallScript } from '../../lib/schema/call';
import { PlanDocument } from '../../lib/schema/plan';
import { createApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { type DemoSeed, seedDemo } from '../../server/demo/seed';
import { testDatabases } from '../support/server-db';

describe.each(testDatabases())('demo seed on $name', (target) => {
  let db: Database;
  let drop: () => Promise<void>;
  let seeded: DemoSeed | null;
  const now = () => Date.UTC(2025, 2, 5, 10, 30);
  beforeAll(async () => {
    ({ db, drop } = await target.open());
    seeded = await seedDemo({ db, now });
  });
  afterAll(() => drop());

  test('runs once: the second run finds the organisation and does nothing', async () => {
    expect(seeded).not.toBeNull();
    expect(await seedDemo({ db, now })).toBeNull();
    expect(await db.query('select name from organisations')).toEqual([{ name: 'Демо-провайдер' }]);
    expect(await db.query('select name from teams order by name')).toEqual([{ name: 'Смена А' }, { name: 'Смена Б' }]);
  });

  test('every demo user logs in with the returned password', async () => {
    const app = createApp({ db, now });
    expect(seeded!.users.map((u) => [u.login, u.role])).toEqual([
      ['operator', 'operator'],
      ['operator2', 'operator'],
      ['operator3', 'operator'],
      ['operator4', 'operator'],
      ['lead', 'lead'],
      ['trainer', 'trainer'],
      ['admin', 'admin'],
    ]);
    const teams: Record<string, string[]> = {};
    for (const user of seeded!.users) {
      const response = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: user.login, password: user.password }),
      });
      expect(response.status, user.login).toBe(200);
      teams[user.login] = LoginAnswer.parse(await response.json()).user.teams.map((t) => t.name);
    }
    expect(teams).toEqual({
      operator: ['Смена А'],
      operator2: ['Смена Б'],
      operator3: ['Смена А'],
      operator4: ['Смена А'],
      lead: ['Смена А'],
      trainer: [],
      admin: [],
    });
    const passwords = new Set(seeded!.users.map((u) => u.password));
    expect(passwords.size).toBe(7);
    for (const password of passwords) expect(password.length).toBeGreaterThanOrEqual(12);
  });

  test('the default classifier and content are published organisation-wide, the checklist by the trainer', async () => {
    const rows = await db.query<{ kind: string; team: string | null; version: number; login: string }>(
      `select d.kind, t.name as team, v.version, u.login from documents d
         join document_versions v on v.document_id = d.id join users u on u.id = v.published_by
         left join teams t on t.id = d.team_id
        order by v.cursor`,
    );
    expect(rows).toEqual([
      { kind: 'classifier', team: null, version: 1, login: 'admin' },
      { kind: 'tariffs', team: null, version: 1, login: 'admin' },
      { kind: 'scripts', team: null, version: 1, login: 'admin' },
      { kind: 'objections', team: null, version: 1, login: 'admin' },
      { kind: 'checklist', team: null, version: 1, login: 'trainer' },
      // The lead's plan for their shift, this month.
      { kind: 'plan', team: 'Смена А', version: 1, login: 'lead' },
    ]);
    const [classifier] = await db.query<{ note: string }>(
      `select v.note from document_versions v join documents d on d.id = v.document_id where d.kind = 'classifier'`,
    );
    expect(classifier?.note).toBe('Классификатор по умолчанию');
  });

  test('the calls record the content versions, modules with outcomes, objections and self-checks', async () => {
    const versions = await db.query<{ kind: string; id: string }>(
      `select d.kind, v.id from document_versions v join documents d on d.id = v.document_id where d.kind <> 'plan'`,
    );
    const expected = Object.fromEntries(versions.map((v) => [v.kind, v.id]));
    const calls = await db.query<{ versions: Record<string, string>; script: CallScript }>(
      'select versions, script from calls',
    );
    for (const call of calls) {
      expect(call.versions).toEqual(expected);
      expect(CallScript.safeParse(call.script).success).toBe(true);
      expect(Object.keys(call.script.checklist).length).toBeGreaterThan(10);
    }
    const modules = calls.flatMap((c) => c.script.modules);
    expect(modules.length).toBeGreaterThan(calls.length);
    const moduleIds = new Set(DEFAULT_SCRIPTS.modules.map((m) => m.id));
    for (const use of modules) expect(moduleIds.has(use.moduleId)).toBe(true);
    expect(new Set(modules.map((m) => m.outcome))).toEqual(
      new Set([null, 'offered', 'accepted', 'declined', 'objection']),
    );
    const [objections] = await db.query<{ n: number }>('select count(*)::int as n from call_objections');
    expect(objections?.n).toBeGreaterThan(0);
    const [feedback] = await db.query<{ n: number; mismatched: number }>(
      `select count(*)::int as n, (count(*) filter (where f.user_id <> c.user_id))::int as mismatched
         from feedback f join calls c on c.id = f.call_id`,
    );
    expect(feedback?.n).toBeGreaterThan(0);
    expect(feedback?.mismatched).toBe(0);
  });

  test('the lead has scored the two latest calls of their team, one differing from the self-check', async () => {
    const app = createApp({ db, now });
    const lead = seeded!.users.find((u) => u.login === 'lead')!;
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: lead.login, password: lead.password }),
    });
    const { token } = LoginAnswer.parse(await login.json());
    const get = async (path: string) =>
      (await app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const calls = z.array(CallView).parse(await get('/calls'));
    const scored = calls.filter((c) => c.scored);
    expect(scored).toHaveLength(2);
    const scores = await Promise.all(scored.map(async (c) => CallScore.parse(await get(`/calls/${c.id}/score`))));
    expect(scores.map((s) => s.scoredBy)).toEqual(['Мария Иванова', 'Мария Иванова']);
    const differing = scores.filter((s) => JSON.stringify(s.marks) !== JSON.stringify(s.selfMarks));
    expect(differing).toHaveLength(1);
    const changed = Object.keys(differing[0]!.marks).filter(
      (id) => differing[0]!.marks[id] !== differing[0]!.selfMarks[id],
    );
    expect(changed).toHaveLength(1);
    expect(differing[0]!.marks[changed[0]!]).toBe('no');
    expect(differing[0]!.comment).toMatch(/Не согласна с самопроверкой/);
    const quality = z.array(QualityRow).parse(await get('/stats/quality'));
    expect(quality.reduce((sum, row) => sum + row.scored, 0)).toBe(2);
    expect(z.array(FeedbackItem).parse(await get('/feedback')).length).toBeGreaterThan(0);
  });

  /** 2025-02-01 00:00 and 2025-03-04 00:00 in Moscow (UTC+3). */
  const PREVIOUS_MONTH_START = Date.UTC(2025, 0, 31, 21);
  const YESTERDAY_START = Date.UTC(2025, 2, 3, 21);

  test('every operator’s calls of this month so far and the previous month arrived, tagged and ended', async () => {
    const calls = await db.query<{ login: string; n: number; days: number; untagged: number; open: number }>(
      `select u.login, count(*)::int as n,
              count(distinct (c.started_at + 3 * 3600000) / 86400000)::int as days,
              count(*) filter (where jsonb_array_length(c.tags) = 0 or c.type_id is null)::int as untagged,
              count(*) filter (where c.ended_at is null)::int as open
         from calls c join users u on u.id = c.user_id group by u.login order by u.login`,
    );
    expect(calls.map((c) => c.login)).toEqual(['operator', 'operator2', 'operator3', 'operator4']);
    for (const row of calls) {
      // Twenty shifts in February and four days of March so far (today's shift has begun).
      expect(row.days, row.login).toBeGreaterThanOrEqual(22);
      expect(row.n, row.login).toBeGreaterThan(row.days * 8);
      expect(row.untagged, row.login).toBe(0);
      expect(row.open, row.login).toBe(0);
    }
    expect(await db.query('select * from dead_letters')).toEqual([]);
    const [span] = await db.query<{ first: number; last: number }>(
      'select min(started_at) as first, max(ended_at) as last from calls',
    );
    expect(span!.last).toBeLessThan(now());
    expect(span!.first).toBeGreaterThanOrEqual(PREVIOUS_MONTH_START);
    expect(span!.first).toBeLessThan(PREVIOUS_MONTH_START + 3 * 24 * 3600_000);
    // The call's type is its last tag.
    const [mismatched] = await db.query<{ n: number }>(
      `select count(*)::int as n from calls where type_id is distinct from tags -> -1 ->> 'typeId'`,
    );
    expect(mismatched?.n).toBe(0);
  });

  test('the call-type mix is close to DOMAIN.md’s, with a tech-support jump on yesterday’s outage', async () => {
    const mix = await db.query<{ type_id: string; share: number }>(
      `select type_id, count(*)::float8 / (select count(*) from calls) as share from calls group by type_id`,
    );
    const share = Object.fromEntries(mix.map((m) => [m.type_id, m.share]));
    expect(share.tech_support).toBeGreaterThan(0.45);
    expect(share.tech_support).toBeLessThan(0.58);
    expect(share.billing).toBeGreaterThan(0.18);
    expect(share.billing).toBeLessThan(0.28);
    expect(share.block_question).toBeGreaterThan(0.07);
    expect(share.block_question).toBeLessThan(0.15);
    for (const type of ['connection', 'termination', 'down_balance', 'tariff_change', 'other']) {
      expect(share[type], type).toBeGreaterThan(0);
      expect(share[type], type).toBeLessThan(0.08);
    }
    const days = await db.query<{ day: number; n: number; tech: number }>(
      `select (started_at + 3 * 3600000) / 86400000 as day, count(*)::int as n,
              (count(*) filter (where type_id = 'tech_support'))::float8 / count(*) as tech
         from calls group by 1 order by 1`,
    );
    const outage = days.find((d) => d.day === (YESTERDAY_START + 3 * 3600_000) / 86_400_000);
    expect(outage).toBeDefined();
    expect(outage!.tech).toBeGreaterThan(0.7);
    const others = days.filter((d) => d !== outage);
    const usual = others.reduce((sum, d) => sum + d.n, 0) / others.length;
    expect(outage!.n).toBeGreaterThan(usual * 1.3);
    expect(Math.max(...others.filter((d) => d.n >= 20).map((d) => d.tech))).toBeLessThan(outage!.tech);
  });

  test('calls carry outcomes with catalogue amounts, projected to call_outcomes per operator and day', async () => {
    const calls = await db.query<{ id: string; user_id: string; type_id: string; outcomes: CallOutcome[] }>(
      'select id, user_id, type_id, outcomes from calls',
    );
    const outcomes = calls.flatMap((c) => c.outcomes.map((o) => ({ ...CallOutcome.parse(o), call: c })));
    const tariffs = new Map(DEFAULT_TARIFFS.tariffs.map((t) => [t.id, t]));
    const services = new Map(DEFAULT_TARIFFS.services.map((s) => [s.id, s]));
    for (const o of outcomes) {
      if (o.kind === 'connection') expect(o.monthly).toBe(tariffs.get(o.itemId!)!.monthly);
      else if (o.kind === 'upgrade') {
        const from = tariffs.get(o.fromItemId!)!;
        expect(from.upgradeTo).toBe(o.itemId);
        expect(o.monthly).toBe(tariffs.get(o.itemId!)!.monthly - from.monthly);
        expect(o.monthly).toBeGreaterThan(0);
      } else if (o.kind === 'service' || o.kind === 'equipment') {
        expect(services.get(o.itemId!)?.kind).toBe(o.kind);
        expect(o.monthly).toBe(services.get(o.itemId!)!.monthly);
      } else expect(o.monthly).toBe(0);
    }
    expect(new Set(outcomes.map((o) => o.kind))).toEqual(
      new Set(['connection', 'upgrade', 'service', 'equipment', 'callback', 'nothing']),
    );
    // About one balance or tech-support call in six ends with an upgrade; most connection requests connect.
    const rate = (types: string[], kind: string) => {
      const of = calls.filter(
        (c) => types.includes(c.type_id) || (kind === 'upgrade' && c.type_id === 'tariff_change'),
      );
      const hits = of.filter((c) => c.outcomes.some((o) => o.kind === kind));
      return hits.length / of.length;
    };
    expect(rate(['billing', 'tech_support', 'down_balance'], 'upgrade')).toBeGreaterThan(0.1);
    expect(rate(['billing', 'tech_support', 'down_balance'], 'upgrade')).toBeLessThan(0.25);
    expect(rate(['connection'], 'connection')).toBeGreaterThan(0.6);
    // call_outcomes holds exactly the calls' outcomes, with the call's owner.
    const rows = await db.query<{
      outcome_id: string;
      call_id: string;
      user_id: string;
      kind: string;
      monthly: number;
    }>('select outcome_id, call_id, user_id, kind, monthly from call_outcomes order by outcome_id');
    expect(rows).toEqual(
      outcomes
        .map((o) => ({
          outcome_id: o.id,
          call_id: o.call.id,
          user_id: o.call.user_id,
          kind: o.kind,
          monthly: o.monthly,
        }))
        .sort((a, b) => (a.outcome_id < b.outcome_id ? -1 : 1)),
    );
    // Every operator sells in both months, on many days.
    const sales = await db.query<{ user_id: string; month: string; days: number }>(
      `select user_id, to_char(to_timestamp(at / 1000.0) at time zone 'Europe/Moscow', 'YYYY-MM') as month,
              count(distinct (at + 3 * 3600000) / 86400000)::int as days
         from call_outcomes where kind in ('connection', 'upgrade', 'service', 'equipment') group by 1, 2`,
    );
    expect(sales).toHaveLength(8);
    for (const row of sales) expect(row.days).toBeGreaterThanOrEqual(row.month === '2025-02' ? 12 : 2);
  });

  test('the lead’s plan for this month is valid and split across the shift’s operators exactly', async () => {
    const [row] = await db.query<{ body: unknown }>(
      `select v.body from document_versions v join documents d on d.id = v.document_id where d.kind = 'plan'`,
    );
    const plan = PlanDocument.parse(row?.body);
    expect(plan.month).toBe('2025-03');
    expect(plan.formula).toMatchObject({ connectionsSource: 'recent_average', uplift: 0.15 });
    // The catalogue's active tariffs average 612.5.
    expect(plan.formula.averageCheck).toBe(613);
    expect(plan.targets.revenue).toBe(planRevenue(plan.formula));
    expect(plan.targets.sales).toBeGreaterThan(0);
    expect(plan.targets.effectiveCalls).toBeGreaterThan(plan.targets.sales);
    expect(plan.split).toBe('shifts');
    expect(plan.pay).toEqual(DEFAULT_PAY_RULE);
    const team = await db.query<{ id: string; name: string }>(
      `select u.id, u.name from users u join user_teams m on m.user_id = u.id join teams t on t.id = m.team_id
        where t.name = 'Смена А' and u.role = 'operator' order by u.login`,
    );
    expect(plan.operators.map((o) => [o.userId, o.name])).toEqual(team.map((u) => [u.id, u.name]));
    expect(plan.operators.map((o) => o.shifts)).toEqual([22, 21, 20]);
    for (const field of ['revenue', 'sales', 'effectiveCalls', 'connections', 'upgrades'] as const) {
      const total = plan.targets[field];
      expect(total, field).not.toBeNull();
      expect(
        plan.operators.reduce((sum, o) => sum + (o[field] ?? 0), 0),
        field,
      ).toBe(total);
      // By shifts: more shifts, no smaller a share.
      const parts = plan.operators.map((o) => o[field] ?? 0);
      expect(parts[0]!, field).toBeGreaterThanOrEqual(parts[1]!);
      expect(parts[1]!, field).toBeGreaterThanOrEqual(parts[2]!);
    }
  });
});
