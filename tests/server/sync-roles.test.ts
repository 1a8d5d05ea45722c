// R22 for the sync, documents, calls, feedback, stats and reports endpoints: the expected status of every
// role × endpoint pair, including an admin of another organisation (`outsider`) and no token at all.
// Content for a team is readable by its lead, trainers and admins; publishing a classifier, scripts,
// objections or tariffs is for a lead (own teams) and admins, a checklist for trainers and admins
// (any team or org-wide); everyone syncs. Calls are scored by leads (their teams), trainers and
// admins; feedback and stats are for leads, trainers and admins; the plan reports for leads and
// admins.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '../../lib/content/defaults';
import { emptyPlan } from '../../lib/plan/defaults';
import type { ContentVersion, DocumentKind } from '../../lib/schema/api';
import { publishVersion } from '../../server/documents/publish';
import { type MatrixRow, openTestApi, row, runMatrix, type TestApi } from '../support/api';
import { callRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

describe.each(testDatabases())('sync, documents and calls roles on $name', (target) => {
  let api: TestApi;
  const docs: Record<'org' | 'a' | 'b', ContentVersion | null> = { org: null, a: null, b: null };

  beforeAll(async () => {
    api = await openTestApi(target);
    const publish = (teamId: string | null) =>
      publishVersion(api.db, {
        orgId: api.org.id,
        kind: 'classifier',
        teamId,
        body: DEFAULT_CLASSIFIER,
        note: 'matrix',
        publishedBy: api.users.admin.id,
        now: api.clock.now,
      });
    docs.org = await publish(null);
    docs.a = await publish(api.teams.a.id);
    docs.b = await publish(api.teams.b.id);
  });
  afterAll(() => api.close());

  const CONTENT: Record<Exclude<DocumentKind, 'classifier'>, unknown> = {
    scripts: DEFAULT_SCRIPTS,
    objections: DEFAULT_OBJECTIONS,
    checklist: DEFAULT_CHECKLIST,
    tariffs: DEFAULT_TARIFFS,
    plan: emptyPlan('2025-03'),
  };

  const doc = (which: 'org' | 'a' | 'b') => {
    const found = docs[which];
    if (!found) throw new Error('documents are published in beforeAll');
    return found;
  };
  const pushBody = () => {
    const deviceId = ulid();
    const call = callRecord(1);
    return {
      deviceId,
      events: [{ id: ulid(), deviceId, seq: 1, type: 'call.started', at: 1, schemaVersion: 1, payload: call }],
    };
  };
  const publishBody = (teamId: () => string | null) => () => ({
    teamId: teamId(),
    body: DEFAULT_CLASSIFIER,
    note: 'm',
  });

  test('R22: the role × endpoint matrix holds for sync, documents and calls', async () => {
    //                                                                        operator lead trainer admin outsider anonymous
    const matrix = [
      row('POST', '/api/v1/sync/push', /*                                  */ [200, 200, 200, 200, 200, 401], pushBody),
      row('GET', '/api/v1/sync/pull?cursor=0', /*                          */ [200, 200, 200, 200, 200, 401]),
      row('GET', () => `/api/v1/sync/device/${ulid()}`, /*                 */ [200, 200, 200, 200, 200, 401]),
      row('GET', '/api/v1/documents?kind=classifier', /*                   */ [403, 200, 200, 200, 200, 401]),
      row('GET', () => `/api/v1/documents/${doc('org').documentId}/versions`, [403, 200, 200, 200, 404, 401]),
      row('GET', () => `/api/v1/documents/${doc('a').documentId}/versions`, [403, 200, 200, 200, 404, 401]),
      row('GET', () => `/api/v1/documents/${doc('b').documentId}/versions`, [403, 403, 200, 200, 404, 401]),
      row(
        'POST',
        '/api/v1/documents/classifier/publish',
        /*               */ [403, 201, 403, 201, 404, 401],
        publishBody(() => api.teams.a.id),
      ),
      row(
        'POST',
        '/api/v1/documents/classifier/publish',
        /*               */ [403, 403, 403, 201, 404, 401],
        publishBody(() => api.teams.b.id),
      ),
      row(
        'POST',
        '/api/v1/documents/classifier/publish',
        /*               */ [403, 403, 403, 201, 201, 401],
        publishBody(() => null),
      ),
      row('POST', () => `/api/v1/documents/${doc('org').documentId}/rollback`, [403, 403, 403, 201, 404, 401], {
        version: 1,
      }),
      row('POST', () => `/api/v1/documents/${doc('a').documentId}/rollback`, [403, 201, 403, 201, 404, 401], {
        version: 1,
      }),
      row('GET', '/api/v1/calls', /*                                       */ [200, 200, 200, 200, 200, 401]),
      row('GET', () => `/api/v1/calls/versions/${doc('a').versionId}`, /* */ [200, 200, 200, 200, 404, 401]),
      row('GET', () => `/api/v1/calls/versions/${doc('b').versionId}`, /* */ [403, 403, 200, 200, 404, 401]),
      row('GET', () => `/api/v1/calls/versions/${doc('org').versionId}`, [200, 200, 200, 200, 404, 401]),
    ];
    expect(await runMatrix(api, matrix)).toEqual([]);
  });

  test('R22: the matrix holds for publishing every content kind', async () => {
    const body = (kind: keyof typeof CONTENT, teamId: () => string | null) => () => ({
      teamId: teamId(),
      body: CONTENT[kind],
      note: 'm',
    });
    const a = () => api.teams.a.id;
    const b = () => api.teams.b.id;
    const org = () => null;
    const checklistDoc = await api.publish('trainer', 'checklist', DEFAULT_CHECKLIST);
    const scriptsDoc = await api.publish('lead', 'scripts', DEFAULT_SCRIPTS, api.teams.a.id);
    const matrix: MatrixRow[] = [];
    //                                      operator lead trainer admin outsider anonymous
    for (const kind of ['scripts', 'objections', 'tariffs'] as const) {
      const path = `/api/v1/documents/${kind}/publish`;
      matrix.push(
        row('POST', path, /*                         */ [403, 201, 403, 201, 404, 401], body(kind, a)),
        row('POST', path, /*                         */ [403, 403, 403, 201, 404, 401], body(kind, b)),
        row('POST', path, /*                         */ [403, 403, 403, 201, 201, 401], body(kind, org)),
      );
    }
    const checklist = '/api/v1/documents/checklist/publish';
    matrix.push(
      row('POST', checklist, /*                      */ [403, 403, 201, 201, 404, 401], body('checklist', a)),
      row('POST', checklist, /*                      */ [403, 403, 201, 201, 404, 401], body('checklist', b)),
      row('POST', checklist, /*                      */ [403, 403, 201, 201, 201, 401], body('checklist', org)),
      row('POST', `/api/v1/documents/${checklistDoc.documentId}/rollback`, [403, 403, 201, 201, 404, 401], {
        version: 1,
      }),
      row('POST', `/api/v1/documents/${scriptsDoc.documentId}/rollback`, [403, 201, 403, 201, 404, 401], {
        version: 1,
      }),
      row('GET', '/api/v1/documents?kind=checklist', /*  */ [403, 200, 200, 200, 200, 401]),
      row('GET', `/api/v1/documents/${checklistDoc.documentId}/versions`, [403, 200, 200, 200, 404, 401]),
    );
    expect(await runMatrix(api, matrix)).toEqual([]);
  });

  test('R22: the matrix holds for single calls, scores, feedback, stats and reports', async () => {
    const checklist = await api.publish('trainer', 'checklist', DEFAULT_CHECKLIST);
    const ended = (at: number) =>
      callRecord(at, {
        endedAt: at + 60_000,
        durationMs: 60_000,
        updatedAt: at + 60_000,
        versions: { checklist: checklist.versionId },
      });
    const teamA = ended(api.clock.now - 3600_000);
    const teamB = ended(api.clock.now - 7200_000);
    expect((await api.device('operator')(['call.ended', teamA])).body.accepted).toBe(1);
    expect((await api.device('operator2')(['call.ended', teamB])).body.accepted).toBe(1);
    const score = { checklistVersionId: checklist.versionId, marks: { introduced: 'yes' }, comment: '' };
    //                                                                   operator lead trainer admin outsider anonymous
    const matrix = [
      row('GET', `/api/v1/calls/${teamA.id}`, /*                      */ [200, 200, 200, 200, 404, 401]),
      row('GET', `/api/v1/calls/${teamB.id}`, /*                      */ [404, 404, 200, 200, 404, 401]),
      row('GET', `/api/v1/calls/${ulid()}`, /*                        */ [404, 404, 404, 404, 404, 401]),
      row('POST', `/api/v1/calls/${teamA.id}/score`, /*               */ [403, 200, 200, 200, 404, 401], score),
      row('POST', `/api/v1/calls/${teamB.id}/score`, /*               */ [403, 404, 200, 200, 404, 401], score),
      row('GET', `/api/v1/calls/${teamA.id}/score`, /*                */ [200, 200, 200, 200, 404, 401]),
      row('GET', `/api/v1/calls/${teamB.id}/score`, /*                */ [404, 404, 200, 200, 404, 401]),
      row('GET', '/api/v1/feedback', /*                               */ [403, 200, 200, 200, 200, 401]),
      row('GET', '/api/v1/stats/objections', /*                      */ [403, 200, 200, 200, 200, 401]),
      row('GET', '/api/v1/stats/quality', /*                          */ [403, 200, 200, 200, 200, 401]),
      row('GET', '/api/v1/reports/mix?from=0&to=1000', /*             */ [403, 200, 403, 200, 200, 401]),
      row('GET', '/api/v1/reports/upsell?from=0&to=1000', /*          */ [403, 200, 403, 200, 200, 401]),
      row('GET', '/api/v1/reports/conversion?from=0&to=1000', /*      */ [403, 200, 403, 200, 200, 401]),
      row('GET', '/api/v1/reports/operators?from=0&to=1000', /*       */ [403, 200, 403, 200, 200, 401]),
      row('GET', '/api/v1/reports/tariff-mix?from=0&to=1000', /*      */ [200, 200, 403, 200, 200, 401]),
    ];
    expect(await runMatrix(api, matrix)).toEqual([]);
  });
});
