// The three sections under the tagger: Script (default), Objections, Checklist, with their hotkeys
// in the titles. The checklist tab counts the items still open during a call.
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { PanelTab } from '@/lib/panel/script-actions';

interface Props {
  tab: PanelTab;
  /** Hotkey per tab, for the title. */
  keys: Record<PanelTab, string>;
  /** Checklist items still open on the active call (0: no badge). */
  open: number;
  onTab: (tab: PanelTab) => void;
}

const TABS = { script: 'tabScript', objections: 'tabObjections', checklist: 'tabChecklist' } as const;

export function PanelTabs({ tab, keys, open, onTab }: Props) {
  const { t } = usePanelI18n();
  return (
    <div class="tabs" role="tablist">
      {(Object.keys(TABS) as PanelTab[]).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          class="tab"
          data-testid={`tab-${name}`}
          aria-selected={name === tab}
          title={t('hotkeyHint', { keys: keys[name] })}
          onClick={() => onTab(name)}
        >
          {t(TABS[name])}
          {name === 'checklist' && open > 0 && <span class="badge badge--warn">{open}</span>}
        </button>
      ))}
    </div>
  );
}
