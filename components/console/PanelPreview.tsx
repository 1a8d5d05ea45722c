// A live preview "exactly as the operator's panel shows it": the shared panel components rendered
// with the panel's own translator, inside a shadow root holding the panel's own stylesheet, so
// neither the console's styles nor the panel's (which style `:host`, `body` and `*`) leak across.
import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useContext, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { panelMessages } from '../../lib/i18n/panel-messages';
import { createTranslator } from '../../lib/i18n/translate';
import { PanelI18n } from '../../lib/panel/i18n-context';
import type { Locale } from '../../lib/schema/primitives';
import { PanelCss } from './preview-css';

// The panel's host rules pin it to the right edge of the page; in the console it is a box in the
// layout, as wide as the panel's default width.
const PREVIEW_HOST = `
:host { position: relative !important; inset: auto !important; width: 100% !important; max-width: 360px !important;
  height: auto !important; z-index: auto !important; display: block !important; }
.panel { height: auto; padding-top: 12px; box-shadow: none; border: 1px solid #d5d9e2; border-radius: 8px; }
`;

type Props = {
  locale: Locale;
  title: string;
  testId: string;
  children: ComponentChildren;
};

export function PanelPreview({ locale, title, testId, children }: Props) {
  const css = useContext(PanelCss);
  const host = useRef<HTMLDivElement>(null);
  const [mount, setMount] = useState<HTMLElement | null>(null);
  const i18n = useMemo(() => ({ t: createTranslator(panelMessages, locale), locale }), [locale]);

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    // Our own bundled stylesheet, set as text.
    style.textContent = css + PREVIEW_HOST;
    const root = document.createElement('div');
    shadow.replaceChildren(style, root);
    setMount(root);
  }, [css]);

  return (
    <aside class="preview" aria-label={title}>
      <h3 class="preview-title">{title}</h3>
      <div class="preview-host" data-testid={testId} ref={host}>
        {mount &&
          createPortal(
            <PanelI18n.Provider value={i18n}>
              <div class="panel" data-testid="preview-panel">
                {children}
              </div>
            </PanelI18n.Provider>,
            mount,
          )}
      </div>
    </aside>
  );
}
