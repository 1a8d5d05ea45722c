// R22 for the sync, documents and calls endpoints: the expected status of every role × endpoint
// pair, including an admin of another organisation (`outsider`) and no token at all. Content for a
// team is readable by its lead, trainers and admins; publishing a classifier is for a lead (own
// teams) and admins; everyone syncs.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import type { ContentVersion } from '../../lib/schema/api';
import { publishVersion } from '../../server/documents/publish';
import { openTestApi, row, runMatrix, type TestApi } from '../support/api';
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
});
