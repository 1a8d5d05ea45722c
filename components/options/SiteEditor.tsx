// One configured site: its origin, whether it is built in, the adapter's selectors (editable,
// saved with sites.save), removal of operator-added sites and the selector test.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { permissionPattern } from '@/lib/sites/registration';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import { request } from '../../lib/messaging/client';
import type { RequestResult } from '../../lib/messaging/protocol';
import { type Site, SiteAdapter } from '../../lib/schema/settings';
import { ConfirmButton } from './ConfirmButton';
import { errorNotice, type Notice, NoticeText } from './Notice';
import { adapterFromDraft, draftFromAdapter, SelectorFields } from './SelectorFields';
import { SiteTest } from './SiteTest';

type Tab = RequestResult<'options.load'>['tabs'][number];

type Props = {
  t: OptionsTranslate;
  site: Site;
  tabs: readonly Tab[];
  /** Another operator-added site on the same host still needs the host permission. */
  permissionShared: boolean;
  onSaved: (site: Site) => void;
  onRemoved: () => Promise<void>;
  onRefreshTabs: () => Promise<void>;
};

export function SiteEditor({ t, site, tabs, permissionShared, onSaved, onRemoved, onRefreshTabs }: Props) {
  const [draft, setDraft] = useState(() => draftFromAdapter(site.adapter));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const adapter = adapterFromDraft(draft);
  const dirty = JSON.stringify(adapter) !== JSON.stringify(adapterFromDraft(draftFromAdapter(site.adapter)));

  async function save() {
    const parsed = SiteAdapter.safeParse(adapter);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      setNotice({ kind: 'error', text: t('common.schemaRefused'), details });
      return;
    }
    const next: Site = { ...site, adapter: parsed.data };
    setBusy(true);
    try {
      await request('sites.save', { site: next });
      onSaved(next);
      setNotice({ kind: 'ok', text: t('common.saved') });
    } catch (error) {
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await request('sites.remove', { origin: site.origin });
      if (!permissionShared) {
        // The site is gone either way; a permission already revoked by hand is not an error.
        await browser.permissions.remove({ origins: [permissionPattern(site.origin)] }).catch(() => false);
      }
      await onRemoved();
    } catch (error) {
      setNotice(errorNotice(error, t));
      setBusy(false);
    }
  }

  return (
    <article class="site">
      <header class="site-header">
        <h3 class="code">{site.origin}</h3>
        {site.builtIn && <span class="badge">{t('sites.builtIn')}</span>}
      </header>
      <SelectorFields
        t={t}
        value={draft}
        onChange={(name, value) => {
          setDraft((current) => ({ ...current, [name]: value }));
          setNotice(null);
        }}
      />
      <div class="actions">
        <button type="button" class="primary" disabled={busy || !dirty} onClick={() => void save()}>
          {t('common.save')}
        </button>
        {!site.builtIn && (
          <ConfirmButton
            label={t('sites.remove')}
            question={t('sites.removeQuestion', { origin: site.origin })}
            yes={t('common.yes')}
            no={t('common.no')}
            disabled={busy}
            onConfirm={() => void remove()}
          />
        )}
        {dirty && <span class="hint">{t('sites.unsaved')}</span>}
      </div>
      <NoticeText notice={notice} />
      <SiteTest t={t} tabs={tabs} adapter={adapter} onRefreshTabs={onRefreshTabs} />
    </article>
  );
}
