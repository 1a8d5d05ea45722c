// Defaults for a fresh installation and for a site seen for the first time.
//
// Hotkeys: Alt+Shift+<key>, matched by `KeyboardEvent.code`. Ctrl+digit and (on Linux/Firefox)
// Alt+digit switch browser tabs, Ctrl+Alt is AltGr on Polish keyboards, and Alt+Shift+digit is
// bound by neither Chromium, Firefox nor the CRMs we know. Windows' Alt+Shift layout switch fires
// only when the two are pressed alone, so Alt+Shift+digit does not switch the layout.

import { DEFAULT_PANEL_HOTKEYS, type PanelPrefs, type Settings, type Site, type SiteAdapter } from '../schema/settings';
import { isDemoOrigin } from '../sites/demo-origins';

const ALT_SHIFT = { alt: true, shift: true, ctrl: false, meta: false };

export const DEFAULT_SETTINGS: Settings = {
  locale: 'ru',
  tagModifiers: ALT_SHIFT,
  toggleCall: { modifiers: ALT_SHIFT, key: 'KeyC' },
  undoTag: { modifiers: ALT_SHIFT, key: 'Backspace' },
  // O: objections, F: find a module, L: checklist (C is the call toggle).
  ...DEFAULT_PANEL_HOTKEYS,
  wrapUpSeconds: 90,
  undoSeconds: 5,
};

export const DEFAULT_PANEL: PanelPrefs = { width: 340, collapsed: false, mode: 'push' };

/** Selectors of the demo CRM card and softphone (demo/index.html). */
export const DEMO_ADAPTER: SiteAdapter = {
  inCall: '#softphone[data-state="in-call"]',
  callerNumber: '#softphone [data-field="caller-number"]',
  fields: {
    contract: '#subscriber-card [data-field="contract"]',
    name: '#subscriber-card [data-field="name"]',
    tariff: '#subscriber-card [data-field="tariff"]',
    balance: '#subscriber-card [data-field="balance"]',
  },
};

export const EMPTY_ADAPTER: SiteAdapter = { fields: {} };

export function defaultSite(origin: string): Site {
  const builtIn = isDemoOrigin(origin);
  return { origin, builtIn, adapter: builtIn ? DEMO_ADAPTER : EMPTY_ADAPTER, panel: DEFAULT_PANEL };
}
