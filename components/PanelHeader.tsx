// Title bar: the panel's name, the sync badge, push/overlay switch and the collapse button.
// Memoised: it changes with the panel preferences and the sync status, not with calls or ticks.

import type { SyncStatus } from '@/lib/messaging/panel-protocol';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { memo } from '@/lib/panel/memo';
import type { PanelPrefs } from '@/lib/schema/settings';
import { SyncBadge } from './SyncBadge';

interface Props {
  prefs: PanelPrefs;
  /** Absent until the first state arrives from the background. */
  sync?: SyncStatus;
  onChange: (prefs: PanelPrefs) => void;
}

export const PanelHeader = memo(function PanelHeader({ prefs, sync, onChange }: Props) {
  const { t } = usePanelI18n();
  const overlay = prefs.mode === 'overlay';
  return (
    <header class="header">
      <h1 class="header__title">{t('title')}</h1>
      <SyncBadge sync={sync} />
      <button
        type="button"
        class="icon-button"
        data-testid="mode-toggle"
        title={overlay ? t('modePush') : t('modeOverlay')}
        aria-label={overlay ? t('modePush') : t('modeOverlay')}
        onClick={() => onChange({ ...prefs, mode: overlay ? 'push' : 'overlay' })}
      >
        {overlay ? '\u21e5' : '\u29c9'}
      </button>
      <button
        type="button"
        class="icon-button"
        data-testid="collapse"
        title={t('collapse')}
        aria-label={t('collapse')}
        onClick={() => onChange({ ...prefs, collapsed: true })}
      >
        {'\u00bb'}
      </button>
    </header>
  );
});
