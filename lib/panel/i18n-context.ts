// The panel's translator, provided once at the root and read by every component.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelKey } from '../i18n/panel-messages';
import type { Translate } from '../i18n/translate';
import type { Locale } from '../schema/primitives';

export const PanelI18n = createContext<{ t: Translate<PanelKey>; locale: Locale } | null>(null);

export function usePanelI18n(): { t: Translate<PanelKey>; locale: Locale } {
  const value = useContext(PanelI18n);
  if (!value) throw new Error('PanelI18n provider missing');
  return value;
}
