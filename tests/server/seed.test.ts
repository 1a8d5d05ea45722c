// The demo seed on every test database: it creates the demo organisation once, its users log in
// with the passwords it returns, the default classifier and content are published, both operators'
// call history arrives through the push path (every event applied, none dead-lettered) with the
// script side recorded against those versions, and the lead has scored two calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { DEFAULT_SCRIPTS } from '../../lib/content/defaults';
import { CallScore, CallView, FeedbackItem, LoginAnswer, QualityRow } from '../../lib/schema/api';
import { CallScript } from '../../lib/schema/call';
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
    expect(teams).toEqual({ operator: ['Смена А'], operator2: ['Смена Б'], lead: ['Смена А'], trainer: [], admin: [] });
    const passwords = new Set(seeded!.users.map((u) => u.password));
    expect(passwords.size).toBe(5);
    for (const password of passwords) expect(password.length).toBeGreaterThanOrEqual(12);
  });

  test('the default classifier and content are published organisation-wide, the checklist by the trainer', async () => {
    const rows = await db.query<{ kind: string; team_id: string | null; version: number; login: string }>(
      `select d.kind, d.team_id, v.version, u.login from documents d
         join document_versions v on v.document_id = d.id join users u on u.id = v.published_by
        order by v.cursor`,
    );
    expect(rows).toEqual([
      { kind: 'classifier', team_id: null, version: 1, login: 'admin' },
      { kind: 'tariffs', team_id: null, version: 1, login: 'admin' },
      { kind: 'scripts', team_id: null, version: 1, login: 'admin' },
      { kind: 'objections', team_id: null, version: 1, login: 'admin' },
      { kind: 'checklist', team_id: null, version: 1, login: 'trainer' },
    ]);
    const [classifier] = await db.query<{ note: string }>(
      `select v.note from document_versions v join documents d on d.id = v.document_id where d.kind = 'classifier'`,
    );
    expect(classifier?.note).toBe('Классификатор по умолчанию');
  });

  test('the calls record the content versions, modules with outcomes, objections and self-checks', async () => {
    const versions = await db.query<{ kind: string; id: string }>(
      'select d.kind, v.id from document_versions v join documents d on d.id = v.document_id',
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

  test('forty tagged calls of both operators arrived through the push path', async () => {
    const calls = await db.query<{ login: string; n: number; untagged: number; open: number }>(
      `select u.login, count(*)::int as n,
              count(*) filter (where jsonb_array_length(c.tags) = 0)::int as untagged,
              count(*) filter (where c.ended_at is null)::int as open
         from calls c join users u on u.id = c.user_id group by u.login order by u.login`,
    );
    expect(calls).toEqual([
      { login: 'operator', n: 20, untagged: 0, open: 0 },
      { login: 'operator2', n: 20, untagged: 0, open: 0 },
    ]);
    expect(await db.query('select * from dead_letters')).toEqual([]);
    const [span] = await db.query<{ first: number; last: number }>(
      'select min(started_at) as first, max(ended_at) as last from calls',
    );
    expect(span!.last).toBeLessThan(now());
    expect(span!.first).toBeGreaterThan(now() - 4 * 24 * 3600_000);
    const types = await db.query<{ type_id: string }>('select distinct type_id from call_tags order by type_id');
    expect(types.map((t) => t.type_id)).toContain('tech_support');
    expect(types.map((t) => t.type_id)).toContain('billing');
  });
});
