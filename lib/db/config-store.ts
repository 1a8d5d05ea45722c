// Reading and writing configuration rows: settings, the classifier and per-site config.
// Rows are parsed on the way out, so a row from an older version or a damaged one falls back to
// the default instead of breaking the panel.
import { DEFAULT_CLASSIFIER } from '../classifier/defaults';
import { Classifier } from '../schema/classifier';
import { Settings, Site } from '../schema/settings';
import { DEFAULT_SETTINGS, defaultSite } from '../settings/defaults';
import type { PanelDatabase } from './database';

const SETTINGS_KEY = 'settings';
const CLASSIFIER_KEY = 'classifier';

export async function loadSettings(db: PanelDatabase): Promise<Settings> {
  const parsed = Settings.safeParse((await db.meta.get(SETTINGS_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(db: PanelDatabase, settings: Settings): Promise<void> {
  await db.meta.put({ key: SETTINGS_KEY, value: Settings.parse(settings) });
}

export async function loadClassifier(db: PanelDatabase): Promise<Classifier> {
  const parsed = Classifier.safeParse((await db.meta.get(CLASSIFIER_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_CLASSIFIER;
}

/** A local edit makes a new version number, so calls record which classifier they were tagged with. */
export async function saveClassifier(db: PanelDatabase, classifier: Classifier): Promise<Classifier> {
  return db.transaction('rw', db.meta, async () => {
    const current = await loadClassifier(db);
    const next = Classifier.parse({ ...classifier, version: current.version + 1 });
    await db.meta.put({ key: CLASSIFIER_KEY, value: next });
    return next;
  });
}

export async function resetClassifier(db: PanelDatabase): Promise<Classifier> {
  return saveClassifier(db, DEFAULT_CLASSIFIER);
}

export async function loadSite(db: PanelDatabase, origin: string): Promise<Site> {
  const parsed = Site.safeParse(await db.sites.get(origin));
  return parsed.success ? parsed.data : defaultSite(origin);
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
}
