// Download of content on every test database: incremental pulls after a cursor, a reset when the
// client's teams changed or its cursor is ahead of a restored server (R07), answers that never skip
// a version while publishes run concurrently (R09), version ids calls reference stay resolvable
// (R11), and bad query values are a 400 (R21).
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { type ContentVersion, PullAnswer } from '../../lib/schema/api';
import { issueToken } from '../../server/auth/tokens';
import { scopeOf } from '../../server/sync/pull';
import { type Actor, openTestApi, type TestApi } from '../support/api';
import { callRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

describe.each(testDatabases())('sync pull on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  const publish = async (as: Actor, teamId: string | null, note = '') => {
    const answer = await api.request('POST', '/api/v1/documents/classifier/publish', {
      as,
      body: { teamId, body: DEFAULT_CLASSIFIER, note },
    });
    expect(answer.status).toBe(201);
    return answer.body as ContentVersion;
  };
  const pull = async (as: Actor, cursor: number | string, scope?: string) => {
    const query = new URLSearchParams({ cursor: String(cursor), ...(scope === undefined ? {} : { scope }) });
    return api.request('GET', `/api/v1/sync/pull?${query}`, { as });
  };

  test('incremental pulls: the newest version of visible documents after the cursor, then nothing', async () => {
    const empty = await pull('operator', 0);
    expect(empty.body).toEqual({
      cursor: 0,
      scope: `${scopeOf({ orgId: api.org.id, teamIds: api.users.operator.teamIds })}|head:none`,
      reset: true,
      documents: [],
    });
    const orgWide = await publish('admin', null, 'org v1');
    const teamA = await publish('lead', api.teams.a.id, 'team a v1');
    await publish('admin', api.teams.b.id, 'team b v1'); // not the operator's team
    await publish('outsider', null, 'another organisation');
    const first = await pull('operator', 0, empty.body.scope);
    expect(PullAnswer.safeParse(first.body).success).toBe(true);
    expect(first.body.reset).toBe(false);
    expect(first.body.documents.map((d: ContentVersion) => d.note)).toEqual(['org v1', 'team a v1']);
    expect(first.body.documents).toEqual([orgWide, teamA]);
    expect(first.body.cursor).toBeGreaterThan(teamA.cursor); // team b's publish moved the org's cursor
    const again = await pull('operator', first.body.cursor, first.body.scope);
    expect(again.body).toMatchObject({ reset: false, documents: [], cursor: first.body.cursor });
    const v2 = await publish('admin', null, 'org v2');
    const next = await pull('operator', first.body.cursor, first.body.scope);
    expect(next.body.documents).toEqual([v2]);
    expect(next.body.cursor).toBe(v2.cursor);
  });

  test('a client whose teams changed gets a reset with the full set of its new scope', async () => {
    const moved = await api.addUser('operator', { teams: [api.teams.a] });
    const { token: movedToken } = await issueToken(api.db, moved.id, api.clock.now);
    const first = await api.request('GET', '/api/v1/sync/pull?cursor=0', { token: movedToken });
    await api.db.query('update user_teams set team_id = $2 where user_id = $1', [moved.id, api.teams.b.id]);
    const after = await api.request(
      'GET',
      `/api/v1/sync/pull?cursor=${first.body.cursor}&scope=${encodeURIComponent(first.body.scope)}`,
      { token: movedToken },
    );
    expect(after.body.reset).toBe(true);
    expect(after.body.scope).not.toBe(first.body.scope);
    expect(after.body.documents.map((d: ContentVersion) => d.teamId).sort()).toEqual([api.teams.b.id, null].sort());
  });

  test('R07: a cursor ahead of the server (restored from an older backup) gets a reset with the full set', async () => {
    await publish('admin', null, 'before backup');
    const before = await pull('operator', 0);
    const lost = await publish('admin', null, 'after backup, lost in the restore');
    const synced = await pull('operator', before.body.cursor, before.body.scope);
    expect(synced.body.documents).toEqual([lost]);
    // The database is restored from the backup taken before `lost`.
    await api.db.query('delete from document_versions where id = $1', [lost.versionId]);
    const restored = await pull('operator', synced.body.cursor, synced.body.scope);
    expect(restored.body.reset).toBe(true);
    expect(restored.body.cursor).toBeLessThan(synced.body.cursor);
    const notes = restored.body.documents.map((d: ContentVersion) => d.note);
    expect(notes).toContain('before backup');
    expect(notes).not.toContain('after backup, lost in the restore');
  });

  test('R07: after a restore, new publishes that reuse the lost cursor numbers still give a reset', async () => {
    await publish('admin', null, 'kept by the backup');
    const before = await pull('operator', 0);
    const lost = await publish('admin', null, 'lost in the restore');
    const synced = await pull('operator', before.body.cursor, before.body.scope);
    expect(synced.body.documents).toEqual([lost]);
    // The restore brings back the old rows and the old identity counter: the next publish gets the
    // cursor number the client already holds, so cursors alone cannot tell.
    await api.db.query('delete from document_versions where id = $1', [lost.versionId]);
    await api.db.query(`alter table document_versions alter column cursor restart with ${lost.cursor}`);
    const reissued = await publish('admin', null, 'published after the restore');
    expect(reissued.cursor).toBe(synced.body.cursor);
    const next = await pull('operator', synced.body.cursor, synced.body.scope);
    expect(next.body.reset).toBe(true);
    expect(next.body.documents.map((d: ContentVersion) => d.note)).toContain('published after the restore');
  });

  test('R09: pulls running during concurrent publishes never skip a version (the client ends current)', async () => {
    const held = new Map<string, ContentVersion>();
    let cursor = 0;
    let scope: string | undefined;
    const apply = (answer: {
      body: { reset: boolean; cursor: number; scope: string; documents: ContentVersion[] };
    }) => {
      if (answer.body.reset) held.clear();
      for (const d of answer.body.documents) held.set(d.documentId, d);
      cursor = answer.body.cursor;
      scope = answer.body.scope;
    };
    const publishing = (async () => {
      for (let i = 0; i < 12; i++) await publish(i % 2 ? 'lead' : 'admin', i % 2 ? api.teams.a.id : null, `race ${i}`);
    })();
    let done = false;
    void publishing.then(() => {
      done = true;
    });
    while (!done) apply(await pull('operator', cursor, scope));
    apply(await pull('operator', cursor, scope));
    const truth = await pull('operator', 0);
    expect(new Map(truth.body.documents.map((d: ContentVersion) => [d.documentId, d]))).toEqual(held);
  });

  test('R11: a call keeps the version it started with, and the server resolves that version id later', async () => {
    const old = await publish('lead', api.teams.a.id, 'release during the call: old');
    const deviceId = ulid();
    const call = callRecord(api.clock.now, { versions: { classifier: old.versionId } });
    const pushed = await api.request('POST', '/api/v1/sync/push', {
      as: 'operator',
      body: {
        deviceId,
        events: [{ id: ulid(), deviceId, seq: 1, type: 'call.started', at: 1, schemaVersion: 1, payload: call }],
      },
    });
    expect(pushed.body.accepted).toBe(1);
    const newer = await publish('lead', api.teams.a.id, 'release during the call: new');
    expect(newer.versionId).not.toBe(old.versionId);
    const listed = await api.request('GET', '/api/v1/calls', { as: 'operator' });
    const referenced = listed.body.find((c: { id: string }) => c.id === call.id).versions.classifier;
    expect(referenced).toBe(old.versionId);
    for (const as of ['operator', 'lead', 'trainer', 'admin'] as const) {
      const resolved = await api.request('GET', `/api/v1/calls/versions/${referenced}`, { as });
      expect({ as, status: resolved.status }).toEqual({ as, status: 200 });
      expect(resolved.body).toEqual(old);
    }
    expect((await api.request('GET', `/api/v1/calls/versions/${referenced}`, { as: 'outsider' })).status).toBe(404);
    // Team A's content is not team B's operator's business (no call of theirs uses it).
    expect((await api.request('GET', `/api/v1/calls/versions/${referenced}`, { as: 'operator2' })).status).toBe(403);
    expect((await api.request('GET', `/api/v1/calls/versions/${ulid()}`, { as: 'admin' })).status).toBe(404);
  });

  test('R21: bad query values are a 400 with a message', async () => {
    for (const query of ['cursor=-1', 'cursor=abc', 'cursor=1.5', 'cursor=1e3', 'cursor=99999999999999999999']) {
      const answer = await api.request('GET', `/api/v1/sync/pull?${query}`, { as: 'operator' });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(answer.body.error.message).toMatch(/cursor/);
    }
    const longScope = await api.request('GET', `/api/v1/sync/pull?cursor=0&scope=${'x'.repeat(2001)}`, {
      as: 'operator',
    });
    expect(longScope.status).toBe(400);
  });
});
