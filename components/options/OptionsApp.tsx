// Root of the options page: loads everything once from the background, keeps the saved state and
// hands each section what it needs. The UI language follows the saved settings, so switching the
// language re-renders the whole page in it at once. The server session is loaded on its own, so a
// failure there never hides the local settings; while someone is logged in the classifier is the
// server's and is shown read-only.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { optionsMessages } from '../../lib/i18n/options-messages';
import { createTranslator, pickLocale } from '../../lib/i18n/translate';
import { request } from '../../lib/messaging/client';
import type { RequestResult, SessionState } from '../../lib/messaging/protocol';
import type { Classifier } from '../../lib/schema/classifier';
import type { Locale } from '../../lib/schema/primitives';
import type { Settings, Site } from '../../lib/schema/settings';
import { ClassifierSection } from './ClassifierSection';
import { HotkeysSection } from './HotkeysSection';
import { LanguageSection } from './LanguageSection';
import { describeError } from './Notice';
import { ServerSection } from './ServerSection';
import { SitesSection } from './SitesSection';

type Loaded = RequestResult<'options.load'>;

// Until the settings arrive, speak the browser's language (or Russian).
const FALLBACK_LOCALE: Locale = pickLocale(navigator.languages);

export function OptionsApp() {
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const locale = data?.settings.locale ?? FALLBACK_LOCALE;
  const t = useMemo(() => createTranslator(optionsMessages, locale), [locale]);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await request('options.load', {}));
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  }, []);

  const [session, setSession] = useState<SessionState | null>(null);
  const [sessionError, setSessionError] = useState<unknown>(null);

  const reloadSession = useCallback(async () => {
    try {
      setSession(await request('session.get', {}));
      setSessionError(null);
    } catch (error) {
      setSessionError(error);
    }
  }, []);

  useEffect(() => {
    void reload();
    void reloadSession();
  }, [reload, reloadSession]);

  const loggedIn = session?.user != null;
  // After a sync the server's classifier may have replaced the local one: show the new list.
  const refreshClassifier = useCallback(async () => {
    if (!loggedIn) return;
    try {
      const fresh = await request('options.load', {});
      setData((current) => current && { ...current, classifier: fresh.classifier });
    } catch {
      // The next sync tries again; the page keeps what it shows.
    }
  }, [loggedIn]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('page.title');
  }, [locale, t]);

  const saveSettings = useCallback(async (settings: Settings) => {
    await request('settings.save', { settings });
    setData((current) => current && { ...current, settings });
  }, []);

  const changeLocale = useCallback(
    (next: Locale) => (data ? saveSettings({ ...data.settings, locale: next }) : Promise.resolve()),
    [data, saveSettings],
  );

  const classifierSaved = useCallback((classifier: Classifier) => {
    setData((current) => current && { ...current, classifier });
  }, []);

  const siteSaved = useCallback((site: Site) => {
    setData(
      (current) => current && { ...current, sites: current.sites.map((s) => (s.origin === site.origin ? site : s)) },
    );
  }, []);

  return (
    <main class="options">
      <header class="page-header">
        <h1>{t('page.title')}</h1>
        <p class="hint">{t('page.intro')}</p>
      </header>

      {loadError !== null && (
        <div class="notice notice-error" role="alert">
          <p>{t('page.loadFailed', { reason: describeError(loadError, t) })}</p>
          <button type="button" disabled={loading} onClick={() => void reload()}>
            {t('page.retry')}
          </button>
        </div>
      )}

      {data === null ? (
        loading && <p class="hint">{t('page.loading')}</p>
      ) : (
        <>
          <ServerSection
            t={t}
            locale={data.settings.locale}
            session={session}
            sessionError={sessionError}
            onSession={setSession}
            onReloadSession={reloadSession}
            onSynced={() => void refreshClassifier()}
          />
          <LanguageSection t={t} locale={data.settings.locale} onChange={changeLocale} />
          <HotkeysSection
            t={t}
            locale={data.settings.locale}
            settings={data.settings}
            classifier={data.classifier}
            onSave={saveSettings}
          />
          <ClassifierSection
            // A fresh editor when the owner changes, so a local draft never outlives a login.
            key={loggedIn ? 'server' : 'local'}
            t={t}
            settings={data.settings}
            classifier={data.classifier}
            managedBy={loggedIn ? (session?.server ?? '') : null}
            onSaved={classifierSaved}
          />
          <SitesSection t={t} sites={data.sites} tabs={data.tabs} onSiteSaved={siteSaved} onReload={reload} />
        </>
      )}
    </main>
  );
}
