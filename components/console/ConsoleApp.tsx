// Root of the console page (leads, trainers, admins). Asks the background who is logged in and in
// which language the user reads the extension, then shows either why the console cannot be used
// or the sections the user's role works in: the documents (call types, scripts, objections,
// checklist, tariffs) and the quality views. All server work goes through the background's
// session (R19).
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type ConsoleSection, sectionFromHash, sectionsFor } from '../../lib/console/sections';
import { consoleMessages } from '../../lib/i18n/console-messages';
import { optionsMessages } from '../../lib/i18n/options-messages';
import { createTranslator, pickLocale } from '../../lib/i18n/translate';
import { request } from '../../lib/messaging/client';
import type { SessionState } from '../../lib/messaging/protocol';
import type { Locale } from '../../lib/schema/primitives';
import { ConsoleNav } from './ConsoleNav';
import { describeConsoleError } from './ConsoleNotice';
import { ConsoleSectionView } from './ConsoleSectionView';
import { GateMessage } from './GateMessage';

// Until the saved settings arrive (or if they cannot be read), speak the browser's language.
const FALLBACK_LOCALE: Locale = pickLocale(navigator.languages);

export function ConsoleApp() {
  const [locale, setLocale] = useState<Locale>(FALLBACK_LOCALE);
  const [session, setSession] = useState<SessionState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [section, setSection] = useState<ConsoleSection | null>(null);
  const [dirty, setDirty] = useState(false);

  const t = useMemo(() => createTranslator(consoleMessages, locale), [locale]);
  const ot = useMemo(() => createTranslator(optionsMessages, locale), [locale]);

  const load = useCallback(async () => {
    setLoading(true);
    const [options, current] = await Promise.allSettled([request('options.load', {}), request('session.get', {})]);
    if (options.status === 'fulfilled') setLocale(options.value.settings.locale);
    if (current.status === 'fulfilled') {
      setSession(current.value);
      setLoadError(null);
    } else setLoadError(current.reason);
    setLoading(false);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('page.title');
  }, [locale, t]);

  const user = session?.user ?? null;
  const role = user?.role ?? null;
  useEffect(() => {
    if (role) setSection(sectionFromHash(role, location.hash));
  }, [role]);

  // In-page links (the reports' links to other sections) change the #hash: follow them, unless a
  // draft is unpublished.
  useEffect(() => {
    if (!role) return;
    const follow = () => {
      if (!dirty) setSection(sectionFromHash(role, location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [role, dirty]);

  // Unpublished changes live only in this page: closing or reloading it asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const state = loadError !== null ? 'error' : session === null ? 'loading' : !user ? 'login' : user.role;
  return (
    <main class="console" data-testid="console" data-state={state}>
      <header class="page-header">
        <h1>{t('page.title')}</h1>
        {user && (
          <p class="hint" data-testid="console-user">
            {t('page.user', { name: user.name, role: t(`role.${user.role}`), org: user.orgName })}
          </p>
        )}
      </header>

      {loadError !== null && (
        <div class="notice notice-error" role="alert">
          <p>{t('page.loadFailed', { reason: describeConsoleError(loadError, t) })}</p>
          <button type="button" disabled={loading} onClick={() => void load()}>
            {t('page.retry')}
          </button>
        </div>
      )}

      {session === null && loadError === null && <p class="hint">{t('page.loading')}</p>}
      {session && !user && (
        <GateMessage
          testId="console-login-needed"
          text={t('gate.loginNeeded')}
          link={{ href: browser.runtime.getURL('/options.html'), label: t('gate.openOptions') }}
        />
      )}
      {user?.role === 'operator' && <GateMessage testId="console-operator" text={t('gate.operator')} />}
      {user && user.role !== 'operator' && section && (
        <>
          <ConsoleNav
            t={t}
            sections={sectionsFor(user.role)}
            value={section}
            locked={dirty}
            onChange={(next) => {
              setSection(next);
              history.replaceState(null, '', `#${next}`);
            }}
          />
          <ConsoleSectionView section={section} t={t} ot={ot} locale={locale} user={user} onDirty={setDirty} />
        </>
      )}
    </main>
  );
}
