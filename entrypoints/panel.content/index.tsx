// The panel's content script: wires call detection (WebRTC hook bridge, site adapter), hotkeys
// and the Preact panel in a closed shadow root. No data lives here (no Dexie): everything goes
// to the background through lib/messaging.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PanelApp } from '@/components/PanelApp';
import panelCss from '@/components/panel.css?inline';
import { installDetection } from '@/lib/adapters/detection';
import { installHotkeys } from '@/lib/hotkeys/listener';
import { createPanelController } from '@/lib/panel/controller';
import { raiseToTopLayer } from '@/lib/panel/layout';
import { createTestProbe } from '@/lib/panel/test-probe';
import { DEMO_MATCHES } from '@/lib/sites/demo-origins';

export default defineContentScript({
  matches: DEMO_MATCHES,
  runAt: 'document_start',
  async main(ctx) {
    const controller = createPanelController();
    // Synchronous part first: at document_start no page script has run yet (see page-bridge.ts).
    const detection = installDetection(window, controller.store);
    installHotkeys(window, controller);
    browser.runtime.onMessage.addListener(detection.onTabCommand);
    ctx.onInvalidated(() => {
      detection.stop();
      controller.stop();
    });

    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    const probe = createTestProbe();
    const ui = await createShadowRootUi(ctx, {
      name: 'operator-panel',
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      mode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed',
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout'],
      css: panelCss,
      onMount(container, _shadow, host) {
        render(
          <PanelApp controller={controller} host={host} onTagShown={probe.tagShown} onReady={probe.ready} />,
          container,
        );
        raiseToTopLayer(host);
        probe.attach(host);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
