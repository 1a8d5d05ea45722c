// The console's sections as tabs, in the order the user's role works in (lib/console/sections.ts).
// The chosen section is also the page's #hash, so a reload or a shared link opens it again.

import type { ConsoleSection } from '../../lib/console/sections';
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';

const LABELS: Record<ConsoleSection, ConsoleKey> = {
  classifier: 'nav.classifier',
  scripts: 'nav.scripts',
  objections: 'nav.objections',
  checklist: 'nav.checklist',
  tariffs: 'nav.tariffs',
  calls: 'nav.calls',
  quality: 'nav.quality',
  objectionStats: 'nav.objectionStats',
  feedback: 'nav.feedback',
  reports: 'nav.reports',
  plan: 'nav.plan',
};

type Props = {
  t: ConsoleTranslate;
  sections: readonly ConsoleSection[];
  value: ConsoleSection;
  /** While a draft holds unpublished changes, leaving it is not offered. */
  locked: boolean;
  onChange: (section: ConsoleSection) => void;
};

export function ConsoleNav({ t, sections, value, locked, onChange }: Props) {
  return (
    <nav class="console-nav" aria-label={t('nav.label')} data-testid="console-nav">
      {sections.map((section) => (
        <button
          key={section}
          type="button"
          class={`console-nav__tab${section === value ? ' console-nav__tab--current' : ''}`}
          aria-current={section === value ? 'page' : undefined}
          data-testid={`nav-${section}`}
          disabled={locked && section !== value}
          onClick={() => onChange(section)}
        >
          {t(LABELS[section])}
        </button>
      ))}
      {locked && <span class="hint">{t('nav.locked')}</span>}
    </nav>
  );
}
