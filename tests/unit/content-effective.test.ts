// The content in effect (scripts, objections, checklist, tariffs): the team's document over the
// organisation's over the built-in defaults, a broken body skipped, a call keeping the versions it
// started with (R11) across a new release and across a worker restart, and stored versions pruned
// only when no recent call can ask for them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '@/lib/content/defaults';
import { chooseContent, contentForCall, currentContent, DEFAULT_REF } from '@/lib/content/effective';
import { invalidateConfig, loadClassifier } from '@/lib/db/config-store';
import { PanelDatabase } from '@/lib/db/database';
import { applyPull, KEEP_VERSIONS_FOR_CALLS_MS, loadPullState, pruneContentVersions } from '@/lib/db/document-store';
import { saveSession } from '@/lib/db/session-store';
import type { ContentVersion, DocumentKind } from '@/lib/schema/api';
import type { Checklist, ScriptSet } from '@/lib/schema/content';
import type { Syncer } from '@/lib/sync/syncer';
import { fakeUlid, freshDb, makeCall, T0, TEST_TEAM, TEST_USER } from './helpers';
import { FakeSyncServer, publishDocument, testSyncer } from './sync-fake-server';

const TEAM = TEST_TEAM;
const OTHER_TEAM = fakeUlid(2);
const USER = TEST_USER;
const manual = { source: 'manual' as const, origin: null, tabId: null };

function scripts(...titles: string[]): ScriptSet {
  return {
    modules: titles.map((title, i) => ({
      id: `m${i}`,
      title,
      stage: 'opening' as const,
      offer: 'none' as const,
      when: { callTypes: [], balance: 'any' as const, needsUpgrade: false },
      text: `Текст: ${title}`,
      branches: [],
      keywords: [],
    })),
  };
}

function checklist(...itemIds: string[]): Checklist {
  return {
    title: 'Форма',
    sections: [
      {
        id: 'main',
        title: 'Разговор',
        items: itemIds.map((id) => ({ id, text: id, hint: '', weight: 1, critical: false, naAllowed: false })),
      },
    ],
  };
}

let serial = 100;
function version(kind: DocumentKind, teamId: string | null, body: unknown, documentId = fakeUlid(serial++)) {
  serial += 1;
  return {
    documentId,
    versionId: fakeUlid(serial),
    kind,
    teamId,
    version: 1,
    cursor: serial,
    body,
    note: '',
    publishedAt: T0,
    publishedBy: 'lead',
  } satisfies ContentVersion;
}

/** Applies documents as one pull would, after the stored cursor. */
async function pull(database: PanelDatabase, documents: ContentVersion[], now = T0) {
  const before = await loadPullState(database);
  const applied = await applyPull(
    database,
    { cursor: before.cursor + 1, scope: 'test', reset: false, documents },
    before,
    now,
  );
  expect(applied).toBe(true);
  // What the puller does after a pull.
  invalidateConfig(database, 'classifier');
}

const titles = (set: ScriptSet) => set.modules.map((m) => m.title);

let db: PanelDatabase;
let syncer: Syncer | undefined;
afterEach(async () => {
  syncer?.stop();
  syncer = undefined;
  await db?.delete();
});

describe('which content is in effect', () => {
  it('with no documents: the built-in defaults, ref 0 for every kind', () => {
    const content = chooseContent(USER, []);
    expect(content.refs).toEqual({ scripts: 0, objections: 0, checklist: 0, tariffs: 0 });
    expect(content).toMatchObject({
      scripts: DEFAULT_SCRIPTS,
      objections: DEFAULT_OBJECTIONS,
      checklist: DEFAULT_CHECKLIST,
      tariffs: DEFAULT_TARIFFS,
    });
  });

  it("the user's team over the organisation over the default, per kind; other teams' documents never", () => {
    const org = version('scripts', null, scripts('org'));
    const team = version('scripts', TEAM, scripts('team'));
    const other = version('scripts', OTHER_TEAM, scripts('other team'));
    const orgChecklist = version('checklist', null, checklist('greet'));
    const content = chooseContent(USER, [other, org, team, orgChecklist]);
    expect(titles(content.scripts)).toEqual(['team']);
    expect(content.refs).toEqual({
      scripts: team.versionId,
      objections: DEFAULT_REF,
      checklist: orgChecklist.versionId,
      tariffs: DEFAULT_REF,
    });
    expect(titles(chooseContent(USER, [org, other]).scripts)).toEqual(['org']);
  });

  it('an invalid body is skipped, never thrown: the next candidate applies, else the default', () => {
    const org = version('scripts', null, scripts('org'));
    const broken = version('scripts', TEAM, { modules: [{ id: 'Not A Slug', title: '' }] });
    const notAnObject = version('checklist', TEAM, '<script>alert(1)</script>');
    const wrongKind = version('objections', null, scripts('scripts in the objections'));
    const content = chooseContent(USER, [broken, org, notAnObject, wrongKind]);
    expect(content.refs.scripts).toBe(org.versionId);
    expect(content.checklist).toEqual(DEFAULT_CHECKLIST);
    expect(content.refs.objections).toBe(DEFAULT_REF);
  });

  it('reads the stored documents and the session, cached until a pull, login or logout invalidates', async () => {
    db = freshDb();
    await saveSession(db, { server: 'https://sync.test', token: 't'.repeat(30), expiresAt: null, user: USER });
    const org = version('scripts', null, scripts('org'));
    await pull(db, [org, version('scripts', OTHER_TEAM, scripts('other team'))]);
    expect(titles((await currentContent(db)).scripts)).toEqual(['org']);

    // Cached: the table is not read again for the same generation.
    const reads = vi.spyOn(db.documents, 'where');
    await currentContent(db);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();

    const team = version('scripts', TEAM, scripts('team'));
    await pull(db, [team]);
    expect((await currentContent(db)).refs.scripts).toBe(team.versionId);
  });
});

describe('R11: a call keeps the content versions it started with', () => {
  it('across a new release, and the next call gets the new one', async () => {
    db = freshDb();
    const first = version('checklist', null, checklist('greet', 'offer'));
    await pull(db, [first]);
    const call = await startCall(db, manual, T0);
    expect(call.versions).toMatchObject({
      checklist: first.versionId,
      scripts: DEFAULT_REF,
      objections: DEFAULT_REF,
      tariffs: DEFAULT_REF,
    });
    expect(call.script).toEqual({ modules: [], objections: [], checklist: {} });

    const second = version('checklist', null, checklist('greet', 'close'), first.documentId);
    const newScripts = version('scripts', null, scripts('new release'));
    await pull(db, [second, newScripts]);
    expect((await currentContent(db)).refs.checklist).toBe(second.versionId);

    const during = await contentForCall(db, call);
    expect(during.refs).toEqual({ checklist: first.versionId, scripts: 0, objections: 0, tariffs: 0 });
    expect(during.checklist).toEqual(first.body);
    expect(during.scripts).toEqual(DEFAULT_SCRIPTS);

    await endCall(db, T0 + 60_000);
    const next = await startCall(db, manual, T0 + 300_000);
    expect(next.versions).toMatchObject({ checklist: second.versionId, scripts: newScripts.versionId });
    expect((await contentForCall(db, next)).checklist).toEqual(second.body);
  });

  it('across a worker restart: a fresh cache reads the stored version back', async () => {
    db = freshDb();
    const first = version('scripts', null, scripts('v1'));
    await pull(db, [first]);
    const call = await startCall(db, manual, T0);
    await pull(db, [version('scripts', null, scripts('v2'), first.documentId)]);
    db.close();

    const restarted = new PanelDatabase(db.name);
    db = restarted;
    expect(titles((await currentContent(restarted)).scripts)).toEqual(['v2']);
    const stored = await restarted.calls.get(call.id);
    const content = await contentForCall(restarted, stored ?? null);
    expect(content.refs.scripts).toBe(first.versionId);
    expect(titles(content.scripts)).toEqual(['v1']);
  });

  it('the classifier too: after a worker restart mid-call, the call is still tagged with its own', async () => {
    db = freshDb();
    const first = version('classifier', null, { types: DEFAULT_CLASSIFIER.types.filter((t) => t.id !== 'other') });
    await pull(db, [first]);
    const call = await startCall(db, manual, T0);
    expect(call.versions.classifier).toBe(first.versionId);
    await pull(db, [version('classifier', null, { types: DEFAULT_CLASSIFIER.types.slice(0, 1) }, first.documentId)]);
    db.close();

    db = new PanelDatabase(db.name);
    expect((await loadClassifier(db)).types.map((t) => t.id)).toEqual(['billing']);
    const tagged = await tagCall(db, 'tech_support', undefined, T0 + 1000);
    expect(tagged.id).toBe(call.id);
  });

  it('a version this device cannot read (pruned, never pulled, broken) falls back to the current one', async () => {
    db = freshDb();
    const current = version('scripts', null, scripts('current'));
    await pull(db, [current]);
    const unknown = makeCall({ versions: { classifier: 0, scripts: fakeUlid(999_999), objections: 7 } });
    const content = await contentForCall(db, unknown);
    expect(content.refs).toMatchObject({ scripts: current.versionId, objections: DEFAULT_REF });
    expect(titles(content.scripts)).toEqual(['current']);
    // A call from before scripts existed shows the current content.
    expect(await contentForCall(db, makeCall({ versions: { classifier: 0 } }))).toBe(await currentContent(db));
  });

  it('through the sync server: a lead publishes team scripts mid-call; the call keeps the org version', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    syncer = testSyncer(db, server);
    await syncer.login({ server: server.url, ...server.operator });
    const org = await publishDocument(server, server.admin, 'scripts', null, scripts('org'));
    await syncer.syncNow();
    const call = await startCall(db, manual, T0);
    expect(call.versions.scripts).toBe(org.versionId);

    const team = await publishDocument(server, server.lead, 'scripts', server.teamId, scripts('team'));
    await syncer.syncNow();
    expect((await currentContent(db)).refs.scripts).toBe(team.versionId);
    expect(titles((await contentForCall(db, call)).scripts)).toEqual(['org']);
  });
});

describe('stored versions are pruned', () => {
  it('keeps current versions and those of calls started in the last 3 days; drops the rest', async () => {
    db = freshDb();
    const now = T0 + 10 * 24 * 3600_000;
    const doc = fakeUlid(5000);
    const [old, recentRef, staleRef, current] = ['old', 'recent', 'stale', 'current'].map((t) =>
      version('scripts', null, scripts(t), doc),
    );
    await db.calls.bulkAdd([
      makeCall({ startedAt: now - KEEP_VERSIONS_FOR_CALLS_MS + 1000, versions: { scripts: recentRef!.versionId } }),
      makeCall({ startedAt: now - KEEP_VERSIONS_FOR_CALLS_MS - 1000, versions: { scripts: staleRef!.versionId } }),
    ]);
    await pull(db, [old!], now);
    await pull(db, [recentRef!], now);
    await pull(db, [staleRef!], now);
    await pull(db, [current!], now);
    const kept = (await db.contentVersions.toArray()).map((v) => v.versionId).sort();
    expect(kept).toEqual([recentRef!.versionId, current!.versionId].sort());
    // The call still shows its version.
    const recentCall = (await db.calls.toArray()).find((c) => c.versions.scripts === recentRef!.versionId);
    expect(titles((await contentForCall(db, recentCall ?? null)).scripts)).toEqual(['recent']);
  });

  it('cheaply: with only current versions stored, the calls are not read', async () => {
    db = freshDb();
    await pull(db, [version('scripts', null, scripts('a')), version('checklist', null, checklist('x'))]);
    const calls = vi.spyOn(db.calls, 'where');
    expect(await pruneContentVersions(db, T0)).toBe(0);
    expect(calls).not.toHaveBeenCalled();
    expect(await db.contentVersions.count()).toBe(2);
  });

  it('a refused pull (cursor moved) stores no version', async () => {
    db = freshDb();
    await pull(db, [version('scripts', null, scripts('a'))]);
    const stale = { cursor: 0, scope: '' };
    const answer = { cursor: 9, scope: 'test', reset: false, documents: [version('scripts', null, scripts('b'))] };
    expect(await applyPull(db, answer, stale, T0)).toBe(false);
    expect(await db.contentVersions.count()).toBe(1);
  });
});
