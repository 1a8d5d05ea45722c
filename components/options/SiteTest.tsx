// "Test these selectors on this page": runs the editor's current (possibly unsaved) selectors on
// an open tab of the site through the background and shows what they read.
import { useState } from 'preact/hooks';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import { request } from '../../lib/messaging/client';
import type { AdapterReading, RequestResult } from '../../lib/messaging/protocol';
import type { SiteAdapter } from '../../lib/schema/settings';
import { errorNotice, type Notice, NoticeText } from './Notice';
import { TestResultTable } from './TestResultTable';

type Tab = RequestResult<'options.load'>['tabs'][number];

type Props = {
  t: OptionsTranslate;
  /** Open tabs of this site's origin. */
  tabs: readonly Tab[];
  adapter: SiteAdapter;
  onRefreshTabs: () => Promise<void>;
};

export function SiteTest({ t, tabs, adapter, onRefreshTabs }: Props) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [result, setResult] = useState<{ adapter: SiteAdapter; reading: AdapterReading } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  // The tab list is refreshed from outside; fall back to the first tab if the chosen one closed.
  const tabId = tabs.some((tab) => tab.tabId === chosen) ? chosen : (tabs[0]?.tabId ?? null);

  async function run() {
    if (tabId === null) return;
    const tested = adapter;
    setBusy(true);
    setNotice(null);
    try {
      const reading = await request('sites.test', { tabId, adapter: tested });
      setResult({ adapter: tested, reading });
    } catch (error) {
      setResult(null);
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  async function refresh() {
    setBusy(true);
    try {
      await onRefreshTabs();
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset class="site-test">
      <legend>{t('test.title')}</legend>
      {tabs.length === 0 ? (
        <p class="hint">{t('test.noTabs')}</p>
      ) : (
        <label class="field">
          <span class="field-label">{t('test.tab', { count: tabs.length })}</span>
          <select
            value={tabId === null ? '' : String(tabId)}
            onChange={(event) => setChosen(Number(event.currentTarget.value))}
          >
            {tabs.map((tab) => (
              <option key={tab.tabId} value={String(tab.tabId)}>
                {tab.title.trim() || t('test.untitled', { id: tab.tabId })}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy || tabId === null} onClick={() => void run()}>
          {t('test.run')}
        </button>
        <button type="button" disabled={busy} onClick={() => void refresh()}>
          {t('test.refreshTabs')}
        </button>
      </div>
      <NoticeText notice={notice} />
      {result && <TestResultTable t={t} adapter={result.adapter} reading={result.reading} />}
    </fieldset>
  );
}
