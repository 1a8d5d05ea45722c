// The sites the panel works on: each site's adapter editor and selector test, and the form that
// adds a new CRM/softphone origin.

import { permissionPattern } from '@/lib/sites/registration';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import type { RequestResult } from '../../lib/messaging/protocol';
import type { Site } from '../../lib/schema/settings';
import { AddSiteForm } from './AddSiteForm';
import { SiteEditor } from './SiteEditor';

type Tab = RequestResult<'options.load'>['tabs'][number];

type Props = {
  t: OptionsTranslate;
  sites: readonly Site[];
  tabs: readonly Tab[];
  onSiteSaved: (site: Site) => void;
  onReload: () => Promise<void>;
};

export function SitesSection({ t, sites, tabs, onSiteSaved, onReload }: Props) {
  const isShared = (site: Site) =>
    sites.some(
      (other) =>
        other.origin !== site.origin &&
        !other.builtIn &&
        permissionPattern(other.origin) === permissionPattern(site.origin),
    );

  return (
    <section class="card">
      <h2>{t('sites.title')}</h2>
      <p class="hint">{t('sites.intro')}</p>
      {sites.length === 0 && <p>{t('sites.none')}</p>}
      {sites.map((site) => (
        <SiteEditor
          key={site.origin}
          t={t}
          site={site}
          tabs={tabs.filter((tab) => tab.origin === site.origin)}
          permissionShared={isShared(site)}
          onSaved={onSiteSaved}
          onRemoved={onReload}
          onRefreshTabs={onReload}
        />
      ))}
      <AddSiteForm t={t} sites={sites} onAdded={onReload} />
    </section>
  );
}
