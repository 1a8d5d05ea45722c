// Content documents on every test database: publishing numbers immutable versions and notifies at
// commit, rollback publishes an old body anew, leads publish only for their teams and admins for any
// (R22), listings are scoped, and bad bodies are a 400 that stores nothing (R21).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { DEFAULT_CHECKLIST, DEFAULT_SCRIPTS } from '../../lib/content/defaults';
import { ContentVersion } from '../../lib/schema/api';
import type { Classifier } from '../../lib/schema/classifier';
import { CONTENT_CHANNEL } from '../../server/deps';
import { publishVersion } from '../../server/documents/publish';
import { type Actor, openTestApi, type TestApi } from '../support/api';
import { testDatabases } from '../support/server-db';

const renamed = (label: string): Classifier => ({
  ...DEFAULT_CLASSIFIER,
  types: DEFAULT_CLASSIFIER.types.map((t, i) => (i === 0 ? { ...t, names: { ...t.names, en: label } } : t)),
});

describe.each(testDatabases())('documents on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  const publish = (as: Actor, teamId: string | null, body: unknown, note = 'test') =>
    api.request('POST', '/api/v1/documents/classifier/publish', { as, body: { teamId, body, note } });

  async function versionCount() {
    const [row] = await api.db.query<{ n: number }>('select count(*)::int as n from document_versions');
    return row?.n ?? 0;
  }

  test('publishing numbers versions, sets the body version, and keeps old versions unchanged', async () => {
    const first = await publish('admin', null, renamed('v1'), 'first release');
    expect(first.status).toBe(201);
    expect(ContentVersion.safeParse(first.body).success).toBe(true);
    expect(first.body).toMatchObject({ kind: 'classifier', teamId: null, version: 1, note: 'first release' });
    expect(first.body.body.version).toBe(1);
    expect(first.body.publishedBy).toBe('Тест admin');
    const second = await publish('admin', null, { ...renamed('v2'), version: 77 });
    expect(second.body).toMatchObject({ documentId: first.body.documentId, version: 2 });
    expect(second.body.body.version).toBe(2);
    expect(second.body.cursor).toBeGreaterThan(first.body.cursor);
    const versions = await api.request('GET', `/api/v1/documents/${first.body.documentId}/versions`, { as: 'admin' });
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body[1]).toEqual(first.body);
  });

  test('rollback publishes an earlier body as a new version with a note saying so', async () => {
    const v1 = await publish('lead', api.teams.a.id, renamed('team v1'));
    expect(v1.status).toBe(201);
    await publish('lead', api.teams.a.id, renamed('team v2'));
    const back = await api.request('POST', `/api/v1/documents/${v1.body.documentId}/rollback`, {
      as: 'lead',
      body: { version: v1.body.version, note: 'v2 confused people' },
    });
    expect(back.status).toBe(201);
    expect(back.body.version).toBe(v1.body.version + 2);
    expect(back.body.note).toBe(`Rollback to version ${v1.body.version}: v2 confused people`);
    expect(back.body.body).toEqual({ ...v1.body.body, version: back.body.version });
    const missing = await api.request('POST', `/api/v1/documents/${v1.body.documentId}/rollback`, {
      as: 'lead',
      body: { version: 999 },
    });
    expect(missing.status).toBe(404);
    const byTrainer = await api.request('POST', `/api/v1/documents/${v1.body.documentId}/rollback`, {
      as: 'trainer',
      body: { version: 1 },
    });
    expect(byTrainer.status).toBe(403);
  });

  test('R22: leads publish only for their own teams, only admins org-wide, a team of another org is 404', async () => {
    expect((await publish('lead', api.teams.b.id, DEFAULT_CLASSIFIER)).status).toBe(403);
    expect((await publish('lead', null, DEFAULT_CLASSIFIER)).status).toBe(403);
    expect((await publish('lead', api.teams.other.id, DEFAULT_CLASSIFIER)).status).toBe(404);
    expect((await publish('admin', api.teams.other.id, DEFAULT_CLASSIFIER)).status).toBe(404);
    expect((await publish('admin', api.teams.b.id, DEFAULT_CLASSIFIER)).status).toBe(201);
    expect((await publish('trainer', api.teams.a.id, DEFAULT_CLASSIFIER)).status).toBe(403);
    expect((await publish('operator', api.teams.a.id, DEFAULT_CLASSIFIER)).status).toBe(403);
    expect((await publish('outsider', api.teams.a.id, DEFAULT_CLASSIFIER)).status).toBe(404);
  });

  test('R22: trainers publish checklists org-wide and for any team; leads scripts for their teams only', async () => {
    const publishKind = (as: Actor, kind: string, teamId: string | null, body: unknown) =>
      api.request('POST', `/api/v1/documents/${kind}/publish`, { as, body: { teamId, body, note: 'v' } });
    const orgWide = await publishKind('trainer', 'checklist', null, DEFAULT_CHECKLIST);
    expect(orgWide.status).toBe(201);
    expect(orgWide.body).toMatchObject({ kind: 'checklist', teamId: null, publishedBy: 'Тест trainer' });
    expect((await publishKind('trainer', 'checklist', api.teams.b.id, DEFAULT_CHECKLIST)).status).toBe(201);
    expect((await publishKind('trainer', 'checklist', api.teams.other.id, DEFAULT_CHECKLIST)).status).toBe(404);
    expect((await publishKind('trainer', 'scripts', null, DEFAULT_SCRIPTS)).status).toBe(403);
    expect((await publishKind('lead', 'checklist', api.teams.a.id, DEFAULT_CHECKLIST)).status).toBe(403);
    expect((await publishKind('lead', 'scripts', api.teams.a.id, DEFAULT_SCRIPTS)).status).toBe(201);
    const leadOrgWide = await publishKind('lead', 'scripts', null, DEFAULT_SCRIPTS);
    expect(leadOrgWide.status).toBe(403);
    expect(leadOrgWide.body.error.message).toMatch(/only the role admin publishes the organisation-wide scripts/);
    // The trainer rolls the organisation's checklist back too.
    const back = await api.request('POST', `/api/v1/documents/${orgWide.body.documentId}/rollback`, {
      as: 'trainer',
      body: { version: 1 },
    });
    expect(back.status).toBe(201);
  });

  test('listing: a lead sees org-wide and their teams, trainers and admins all, another org nothing', async () => {
    await publish('admin', null, DEFAULT_CLASSIFIER);
    await publish('admin', api.teams.a.id, DEFAULT_CLASSIFIER);
    await publish('admin', api.teams.b.id, DEFAULT_CLASSIFIER);
    await publish('outsider', null, DEFAULT_CLASSIFIER);
    const teamsOf = async (as: Actor) => {
      const answer = await api.request('GET', '/api/v1/documents?kind=classifier', { as });
      expect(answer.status).toBe(200);
      return (answer.body as { teamId: string | null; current: { version: number } }[]).map((d) => d.teamId).sort();
    };
    const all = [api.teams.a.id, api.teams.b.id, null].sort();
    expect(await teamsOf('admin')).toEqual(all);
    expect(await teamsOf('trainer')).toEqual(all);
    expect(await teamsOf('lead')).toEqual([api.teams.a.id, null].sort());
    expect(await teamsOf('outsider')).toEqual([null]);
    const list = (await api.request('GET', '/api/v1/documents', { as: 'admin' })).body;
    for (const summary of list) {
      const versions = await api.request('GET', `/api/v1/documents/${summary.documentId}/versions`, { as: 'admin' });
      expect(summary.current).toEqual(versions.body[0]);
    }
    const teamB = list.find((d: { teamId: string | null }) => d.teamId === api.teams.b.id);
    const asLead = await api.request('GET', `/api/v1/documents/${teamB.documentId}/versions`, { as: 'lead' });
    expect(asLead.status).toBe(403);
    const asOutsider = await api.request('GET', `/api/v1/documents/${teamB.documentId}/versions`, { as: 'outsider' });
    expect(asOutsider.status).toBe(404);
    expect((await api.request('GET', '/api/v1/documents?kind=plans', { as: 'admin' })).status).toBe(400);
  });

  test('the NOTIFY goes out at commit with orgId:cursor, and never for a refused publish', async () => {
    const heard: string[] = [];
    const stop = await api.db.listen(CONTENT_CHANNEL, (payload) => heard.push(payload));
    try {
      const version = await publishVersion(api.db, {
        orgId: api.org.id,
        kind: 'classifier',
        teamId: null,
        body: DEFAULT_CLASSIFIER,
        note: 'direct',
        publishedBy: api.users.admin.id,
        now: api.clock.now,
      });
      await expect.poll(() => heard, { timeout: 3000 }).toEqual([`${api.org.id}:${version.cursor}`]);
      await expect(
        publishVersion(api.db, {
          orgId: api.org.id,
          kind: 'classifier',
          teamId: api.teams.other.id,
          body: DEFAULT_CLASSIFIER,
          note: 'wrong team',
          publishedBy: api.users.admin.id,
          now: api.clock.now,
        }),
      ).rejects.toThrow(/no such team/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toHaveLength(1);
    } finally {
      await stop();
    }
  });

  test('concurrent publishes of one document get distinct versions and cursors in order', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => publish('admin', api.teams.b.id, renamed(`parallel ${i}`))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    const byVersion = answers.map((a) => a.body).sort((x, y) => x.version - y.version);
    const versions = byVersion.map((v) => v.version);
    expect(new Set(versions).size).toBe(8);
    const cursors = byVersion.map((v) => v.cursor);
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
  });

  test('R21: bad bodies and values answer 4xx with a message and store nothing', async () => {
    const before = await versionCount();
    const duplicateKeys = {
      ...DEFAULT_CLASSIFIER,
      types: DEFAULT_CLASSIFIER.types.map((t) => ({ ...t, key: 'Digit1' })),
    };
    const cases: { name: string; body?: unknown; rawBody?: string; status: number; message?: RegExp }[] = [
      { name: 'not JSON', rawBody: '{"teamId":', status: 400 },
      { name: 'no fields', body: {}, status: 400 },
      { name: 'teamId not a ULID', body: { teamId: 'team-a', body: DEFAULT_CLASSIFIER, note: '' }, status: 400 },
      { name: 'teamId a number', body: { teamId: 5, body: DEFAULT_CLASSIFIER, note: '' }, status: 400 },
      { name: 'note too long', body: { teamId: null, body: DEFAULT_CLASSIFIER, note: 'x'.repeat(501) }, status: 400 },
      { name: 'body a string', body: { teamId: null, body: 'types', note: '' }, status: 400 },
      {
        name: 'no types',
        body: { teamId: null, body: { types: [] }, note: '' },
        status: 400,
        message: /invalid classifier: types/,
      },
      {
        name: 'shared hotkey',
        body: { teamId: null, body: duplicateKeys, note: '' },
        status: 400,
        message: /share a hotkey/,
      },
      {
        name: 'NUL in a name',
        body: { teamId: null, body: renamed('bad\u0000name'), note: '' },
        status: 400,
      },
      { name: 'NUL in the note', body: { teamId: null, body: DEFAULT_CLASSIFIER, note: 'a\u0000b' }, status: 400 },
      { name: '2 MB', rawBody: `{"teamId":null,"note":"","body":"${'a'.repeat(2 * 1024 * 1024)}"}`, status: 413 },
    ];
    for (const c of cases) {
      const answer = await api.request('POST', '/api/v1/documents/classifier/publish', {
        as: 'admin',
        ...(c.rawBody === undefined ? { body: c.body } : { rawBody: c.rawBody }),
      });
      expect({ name: c.name, status: answer.status }).toEqual({ name: c.name, status: c.status });
      expect(answer.body.error.message).toMatch(c.message ?? /./);
    }
    const unknownKind = await api.request('POST', '/api/v1/documents/plans/publish', {
      as: 'admin',
      body: { teamId: null, body: {}, note: '' },
    });
    expect(unknownKind.status).toBe(400);
    for (const kind of ['scripts', 'objections', 'checklist', 'tariffs']) {
      const empty = await api.request('POST', `/api/v1/documents/${kind}/publish`, {
        as: 'admin',
        body: { teamId: null, body: {}, note: '' },
      });
      expect({ kind, status: empty.status }).toEqual({ kind, status: 400 });
      expect(empty.body.error.message).toMatch(new RegExp(`invalid ${kind}`));
    }
    const badId = await api.request('GET', '/api/v1/documents/not-an-id/versions', { as: 'admin' });
    expect(badId.status).toBe(400);
    const badRollback = await api.request('POST', '/api/v1/documents/01JNMQ3X8Z6Y0000000000000A/rollback', {
      as: 'admin',
      body: { version: '1' },
    });
    expect(badRollback.status).toBe(400);
    expect(await versionCount()).toBe(before);
  });
});
