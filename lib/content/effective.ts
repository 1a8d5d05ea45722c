// The content in effect, per kind (scripts, objections, checklist, tariffs), in the background
// only: the team's document over the organisation's (lib/db/document-choice.ts, the classifier's
// rule), else the built-in defaults. A call shows the versions it recorded at its start (R11), also
// after a newer release and after a worker restart: those are read back from `contentVersions`.
//
// The panel feed asks on every render, so the answer is cached in memory per database handle: the
// current content until the documents or the session change (config-store's documents generation,
// bumped by every pull, login and logout), and older versions by id, which never change.
import { documentsGeneration } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { chooseDocument } from '../db/document-choice';
import { loadSession } from '../db/session-store';
import type { ContentVersion, SessionUser } from '../schema/api';
import type { CallRecord, VersionRef } from '../schema/call';
import { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '../schema/content';
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from './defaults';

export const CONTENT_KINDS = ['scripts', 'objections', 'checklist', 'tariffs'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** What a call records for built-in content: there is no server version to point at. */
export const DEFAULT_REF = 0;

interface Bodies {
  scripts: ScriptSet;
  objections: ObjectionSet;
  checklist: Checklist;
  tariffs: TariffCatalogue;
}

/** The content the panel shows (PanelContent in lib/messaging/protocol.ts, with every kind present). */
export interface EffectiveContent extends Bodies {
  refs: Record<ContentKind, VersionRef>;
}

interface BodyParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const SCHEMAS: { [K in ContentKind]: BodyParser<Bodies[K]> } = {
  scripts: ScriptSet,
  objections: ObjectionSet,
  checklist: Checklist,
  tariffs: TariffCatalogue,
};

const DEFAULTS: Bodies = {
  scripts: DEFAULT_SCRIPTS,
  objections: DEFAULT_OBJECTIONS,
  checklist: DEFAULT_CHECKLIST,
  tariffs: DEFAULT_TARIFFS,
};

function parseBody<K extends ContentKind>(kind: K, doc: ContentVersion): Bodies[K] | null {
  if (doc.kind !== kind) return null;
  const parsed = SCHEMAS[kind].safeParse(doc.body);
  return parsed.success ? parsed.data : null;
}

/** Pure: the content in effect for a user, given the stored documents (any kinds). */
export function chooseContent(user: SessionUser | null, documents: readonly ContentVersion[]): EffectiveContent {
  const pick = <K extends ContentKind>(kind: K): { ref: VersionRef; body: Bodies[K] } => {
    const chosen = chooseDocument(
      user,
      documents.filter((doc) => doc.kind === kind),
      (doc) => parseBody(kind, doc),
    );
    return chosen ? { ref: chosen.ref, body: chosen.value } : { ref: DEFAULT_REF, body: DEFAULTS[kind] };
  };
  const scripts = pick('scripts');
  const objections = pick('objections');
  const checklist = pick('checklist');
  const tariffs = pick('tariffs');
  return {
    refs: { scripts: scripts.ref, objections: objections.ref, checklist: checklist.ref, tariffs: tariffs.ref },
    scripts: scripts.body,
    objections: objections.body,
    checklist: checklist.body,
    tariffs: tariffs.body,
  };
}

type Known = { [K in ContentKind]: { kind: K; body: Bodies[K] } }[ContentKind];

interface ContentCache {
  /** The documents generation `current` was read at. */
  generation: number;
  current?: EffectiveContent;
  /** Parsed versions by id (null: not stored or not valid), most recently used last. */
  byRef: Map<string, Known | null>;
}

const caches = new WeakMap<PanelDatabase, ContentCache>();
/** Calls in progress and in wrap-up use a handful of versions at most; a few releases' worth. */
const KEEP_REFS = 24;

function cacheOf(db: PanelDatabase): ContentCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { generation: -1, byRef: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

function remember(cache: ContentCache, ref: string, known: Known | null): void {
  cache.byRef.delete(ref);
  cache.byRef.set(ref, known);
  while (cache.byRef.size > KEEP_REFS) cache.byRef.delete(cache.byRef.keys().next().value as string);
}

/**
 * The content in effect now. Inside a transaction, that transaction must include meta and
 * documents. A read that overlapped an invalidation is returned but not kept.
 */
export async function currentContent(db: PanelDatabase): Promise<EffectiveContent> {
  const cache = cacheOf(db);
  const generation = documentsGeneration(db);
  if (cache.current && cache.generation === generation) return cache.current;
  const content = await db.transaction('r', [db.meta, db.documents], async () => {
    const [session, documents] = await Promise.all([
      loadSession(db),
      db.documents.where('kind').anyOf(CONTENT_KINDS).toArray(),
    ]);
    return chooseContent(session.user, documents);
  });
  if (documentsGeneration(db) === generation) {
    if (cache.generation !== generation) {
      // A version missing before may have arrived since: forget the misses, keep what is known.
      for (const [ref, known] of cache.byRef) if (known === null) cache.byRef.delete(ref);
    }
    cache.current = content;
    cache.generation = generation;
    for (const kind of CONTENT_KINDS) {
      const ref = content.refs[kind];
      if (typeof ref === 'string') remember(cache, ref, { kind, body: content[kind] } as Known);
    }
  }
  return content;
}

/** One kind of a call's content: the version it recorded, if still readable, else the current one. */
async function versionOf<K extends ContentKind>(
  db: PanelDatabase,
  kind: K,
  ref: VersionRef | undefined,
  current: EffectiveContent,
): Promise<{ ref: VersionRef; body: Bodies[K] }> {
  const now = { ref: current.refs[kind], body: current[kind] };
  if (ref === undefined || ref === now.ref) return now;
  if (ref === DEFAULT_REF) return { ref, body: DEFAULTS[kind] };
  // A local version number: content is edited only on the server, so there is nothing to find.
  if (typeof ref !== 'string') return now;
  const cache = cacheOf(db);
  let known = cache.byRef.get(ref);
  if (known === undefined) {
    const stored = await db.contentVersions.get(ref);
    const body = stored ? parseBody(kind, stored) : null;
    known = body ? ({ kind, body } as Known) : null;
    remember(cache, ref, known);
  }
  if (known === null || known.kind !== kind) return now;
  return { ref, body: known.body as Bodies[K] };
}

/**
 * The content a call shows and is checked against (R11): the versions it recorded at its start,
 * each falling back to the current one when it is unknown here. `refs` says what was used. With no
 * call, the current content. Inside a transaction, it must include meta, documents, contentVersions.
 */
export async function contentForCall(db: PanelDatabase, call: CallRecord | null): Promise<EffectiveContent> {
  const current = await currentContent(db);
  const versions = call?.versions;
  if (!versions || CONTENT_KINDS.every((kind) => versions[kind] === undefined || versions[kind] === current.refs[kind]))
    return current;
  const [scripts, objections, checklist, tariffs] = await Promise.all([
    versionOf(db, 'scripts', versions.scripts, current),
    versionOf(db, 'objections', versions.objections, current),
    versionOf(db, 'checklist', versions.checklist, current),
    versionOf(db, 'tariffs', versions.tariffs, current),
  ]);
  return {
    refs: { scripts: scripts.ref, objections: objections.ref, checklist: checklist.ref, tariffs: tariffs.ref },
    scripts: scripts.body,
    objections: objections.body,
    checklist: checklist.body,
    tariffs: tariffs.body,
  };
}

/** The refs a new call records, beside its classifier. */
export async function currentContentRefs(db: PanelDatabase): Promise<Record<ContentKind, VersionRef>> {
  return (await currentContent(db)).refs;
}
