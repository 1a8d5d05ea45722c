// The demo seed on every test database: it creates the demo organisation once, its users log in
// with the passwords it returns, the default classifier is published, and both operators' call
// history arrives through the push path (every event applied, none dead-lettered).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LoginAnswer } from '../../lib/schema/api';
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

  test('the default classifier is published organisation-wide', async () => {
    const rows = await db.query<{ kind: string; team_id: string | null; version: number; note: string }>(
      'select d.kind, d.team_id, v.version, v.note from documents d join document_versions v on v.document_id = d.id',
    );
    expect(rows).toEqual([{ kind: 'classifier', team_id: null, version: 1, note: 'Классификатор по умолчанию' }]);
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
