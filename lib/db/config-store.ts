// Reading and writing configuration rows: settings, the classifier and per-site config.
// Rows are parsed on the way out, so a row from an older version or a damaged one falls back to
// the default instead of breaking the panel.
//
// The tag hotkey and the panel feed read these on every change, so parsed values are cached in
// memory per database handle. Every write here invalidates the cache, and so does anything else
// that changes what they resolve to (a pull, a login: `invalidateConfig`). The background is the
// only writer of these rows; extension pages change them through its messages.
import { DEFAULT_CLASSIFIER } from '../classifier/defaults';
import type { ContentVersion, SessionUser } from '../schema/api';
import type { CallRecord } from '../schema/call';
import { Classifier } from '../schema/classifier';
import { Settings, Site } from '../schema/settings';
import { DEFAULT_SETTINGS, defaultSite } from '../settings/defaults';
import type { PanelDatabase } from './database';
import { chooseDocument } from './document-choice';
import { documentsOfKind } from './document-store';
import { loadSession } from './session-store';

const SETTINGS_KEY = 'settings';
const CLASSIFIER_KEY = 'classifier';

/** The classifier in effect and what a call records for it: a server version id or a local number. */
export interface EffectiveClassifier {
  classifier: Classifier;
  ref: string | number;
}

interface ConfigCache {
  /** Bumped by every invalidation: a read that started before it must not fill the cache. */
  generation: number;
  /** Bumped when the server documents or the session change (part `classifier`, or everything). */
  documentsGeneration: number;
  settings?: Settings;
  current?: EffectiveClassifier;
  sites: Map<string, Site>;
  /** Classifiers seen in this worker's lifetime by ref, so a call keeps the one it started with (R11). */
  byRef: Map<string | number, Classifier>;
  listeners: Set<() => void>;
}

const caches = new WeakMap<PanelDatabase, ConfigCache>();
const KEEP_REFS = 8;

function cacheOf(db: PanelDatabase): ConfigCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { generation: 0, documentsGeneration: 0, sites: new Map(), byRef: new Map(), listeners: new Set() };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * `classifier` stands for everything that decides which server documents apply: a pull, a login,
 * a logout invalidate it, and the other content kinds (lib/content/effective.ts) follow it too.
 */
type ConfigPart = 'settings' | 'classifier' | 'sites';

/** Drops cached values (all, or one part) and tells listeners (the panel feeds) to read again. */
export function invalidateConfig(db: PanelDatabase, part?: ConfigPart): void {
  const cache = cacheOf(db);
  cache.generation += 1;
  if (!part || part === 'settings') cache.settings = undefined;
  if (!part || part === 'classifier') {
    cache.current = undefined;
    cache.documentsGeneration += 1;
  }
  if (!part || part === 'sites') cache.sites.clear();
  for (const listener of cache.listeners) listener();
}

/**
 * Changes whenever the server documents in effect may have changed: caches of content derived from
 * them (lib/content/effective.ts) compare it instead of keeping listeners of their own, so they can
 * never be read stale by a listener that runs before theirs.
 */
export function documentsGeneration(db: PanelDatabase): number {
  return cacheOf(db).documentsGeneration;
}

export function onConfigChange(db: PanelDatabase, listener: () => void): () => void {
  const { listeners } = cacheOf(db);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads through the cache; a value read across an invalidation is returned but not kept. */
async function cached<T>(
  db: PanelDatabase,
  get: (cache: ConfigCache) => T | undefined,
  set: (cache: ConfigCache, value: T) => void,
  read: () => Promise<T>,
): Promise<T> {
  const cache = cacheOf(db);
  const hit = get(cache);
  if (hit !== undefined) return hit;
  const generation = cache.generation;
  const value = await read();
  if (cache.generation === generation) set(cache, value);
  return value;
}

export function loadSettings(db: PanelDatabase): Promise<Settings> {
  return cached(
    db,
    (c) => c.settings,
    (c, v) => {
      c.settings = v;
    },
    async () => {
      const parsed = Settings.safeParse((await db.meta.get(SETTINGS_KEY))?.value);
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    },
  );
}

export async function saveSettings(db: PanelDatabase, settings: Settings): Promise<void> {
  await db.meta.put({ key: SETTINGS_KEY, value: Settings.parse(settings) });
  invalidateConfig(db, 'settings');
}

/** The classifier edited on this device (options page), whether or not a server one overrides it. */
export async function loadLocalClassifier(db: PanelDatabase): Promise<Classifier> {
  const parsed = Classifier.safeParse((await db.meta.get(CLASSIFIER_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_CLASSIFIER;
}

/**
 * Which classifier is in effect: a server document scoped to a team wins over the
 * organisation-wide one, which wins over the local one (document-choice.ts has the rule, shared
 * with the other content kinds). A server body that does not parse as a classifier is skipped
 * rather than breaking the tagger.
 */
export function chooseClassifier(
  local: Classifier,
  user: SessionUser | null,
  documents: readonly ContentVersion[],
): EffectiveClassifier {
  const chosen = chooseDocument(user, documents, parseClassifier);
  return chosen ? { classifier: chosen.value, ref: chosen.ref } : { classifier: local, ref: local.version };
}

/** A server classifier version's body, or null when it is not one. */
export function parseClassifier(doc: ContentVersion): Classifier | null {
  if (typeof doc.body !== 'object' || doc.body === null) return null;
  const parsed = Classifier.safeParse({ ...doc.body, version: doc.version });
  return parsed.success ? parsed.data : null;
}

function remember(cache: ConfigCache, effective: EffectiveClassifier): void {
  cache.byRef.delete(effective.ref);
  cache.byRef.set(effective.ref, effective.classifier);
  while (cache.byRef.size > KEEP_REFS) cache.byRef.delete(cache.byRef.keys().next().value as string | number);
}

/** The classifier in effect now. Inside a transaction, that transaction must include meta and documents. */
export function currentClassifier(db: PanelDatabase): Promise<EffectiveClassifier> {
  return cached(
    db,
    (c) => c.current,
    (c, v) => {
      c.current = v;
      remember(c, v);
    },
    () =>
      db.transaction('r', [db.meta, db.documents], async () => {
        const [local, session, documents] = await Promise.all([
          loadLocalClassifier(db),
          loadSession(db),
          documentsOfKind(db, 'classifier'),
        ]);
        return chooseClassifier(local, session.user, documents);
      }),
  );
}

export async function loadClassifier(db: PanelDatabase): Promise<Classifier> {
  return (await currentClassifier(db)).classifier;
}

/**
 * The classifier a call is tagged with (R11): the version it recorded at its start, otherwise the
 * current one. A server version is found in this worker's memory or, after a worker restart in
 * the middle of a call, in the stored content versions. Inside a transaction, that transaction
 * must include meta, documents and contentVersions.
 */
export async function classifierForCall(db: PanelDatabase, call: CallRecord | null): Promise<Classifier> {
  const ref = call?.versions.classifier;
  const current = await currentClassifier(db);
  if (ref === undefined || ref === current.ref) return current.classifier;
  const cache = cacheOf(db);
  const known = cache.byRef.get(ref);
  if (known) return known;
  if (typeof ref !== 'string') return current.classifier;
  const stored = await db.contentVersions.get(ref);
  const classifier = stored?.kind === 'classifier' ? parseClassifier(stored) : null;
  if (!classifier) return current.classifier;
  remember(cache, { classifier, ref });
  return classifier;
}

/** A local edit makes a new version number, so calls record which classifier they were tagged with. */
export async function saveClassifier(db: PanelDatabase, classifier: Classifier): Promise<Classifier> {
  const saved = await db.transaction('rw', db.meta, async () => {
    const current = await loadLocalClassifier(db);
    const next = Classifier.parse({ ...classifier, version: current.version + 1 });
    await db.meta.put({ key: CLASSIFIER_KEY, value: next });
    return next;
  });
  invalidateConfig(db, 'classifier');
  return saved;
}

export async function resetClassifier(db: PanelDatabase): Promise<Classifier> {
  return saveClassifier(db, DEFAULT_CLASSIFIER);
}

export function loadSite(db: PanelDatabase, origin: string): Promise<Site> {
  return cached(
    db,
    (c) => c.sites.get(origin),
    (c, v) => {
      c.sites.set(origin, v);
    },
    async () => {
      const parsed = Site.safeParse(await db.sites.get(origin));
      return parsed.success ? parsed.data : defaultSite(origin);
    },
  );
}

export async function listSites(db: PanelDatabase): Promise<Site[]> {
  const rows = await db.sites.toArray();
  return rows.flatMap((row) => {
    const parsed = Site.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function saveSite(db: PanelDatabase, site: Site): Promise<void> {
  await db.sites.put(Site.parse(site));
  invalidateConfig(db, 'sites');
}

export async function removeSite(db: PanelDatabase, origin: string): Promise<void> {
  await db.sites.delete(origin);
  invalidateConfig(db, 'sites');
}
