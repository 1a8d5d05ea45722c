// The panel's content script: wires call detection (WebRTC hook bridge, site adapter), hotkeys
// and the Preact panel in a closed shadow root. No data lives here (no Dexie): everything goes
// to the background through lib/messaging.
//
// The CRM page's main thread is shared with us, and a task over 50 ms is a long task the operator
// feels; so our work comes in short tasks of its own, and none of it goes into the page's
// DOMContentLoaded task, which already lays the whole page out:
// - document_start runs only what must precede every page script: detection's bridge, the
//   hotkey listener and the port.
// - The first state is parsed in the port's task; the panel is built and rendered in the next
//   one, where connection.ts hands the state on, into a host not yet in the page (the state
//   usually arrives while the page is still being parsed).
// - The host goes into the page in a task of its own once the page has a body, which puts it at
//   the same place as before (last child of <html>, after <body>). If the page is parsed before the
//   state arrives, the light shell ("connecting") goes in instead and the sections render when
//   the state comes.
import { defineContentScript } from 'wxt/utils/define-content-script';
import * as z from 'zod/mini';
import { installDetection } from '@/lib/adapters/detection';
import { installHotkeys } from '@/lib/hotkeys/listener';
import browser, { answerWith } from '@/lib/messaging/runtime';
import { createPanelController } from '@/lib/panel/controller';
import { nextTask } from '@/lib/panel/schedule';
import { createTestProbe } from '@/lib/panel/test-probe';
import { DEMO_MATCHES } from '@/lib/sites/demo-origins';
import { buildPanel, type PanelUi } from './mount';

// Extension pages and content scripts may not evaluate strings, so zod's compiled fast path is
// unavailable anyway; without this, its first object parse probes `new Function` (a caught CSP
// violation, reported by the browser) in the task that parses the panel's first state.
z.config({ jitless: true });

/** Resolves once the page has a <body> (or is fully parsed). */
function bodyParsed(doc: Document): Promise<void> {
  if (doc.body || doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', done);
      resolve();
    };
    // Our own observer in the isolated world: the page cannot see or trigger it beyond the DOM.
    const observer = new MutationObserver(() => {
      if (doc.body) done();
    });
    observer.observe(doc.documentElement, { childList: true });
    doc.addEventListener('DOMContentLoaded', done);
  });
}

export default defineContentScript({
  matches: DEMO_MATCHES,
  runAt: 'document_start',
  // WXT's context otherwise also announces itself with a window.postMessage to the page: a
  // message into the CRM's own listeners, and the single most expensive step of our
  // document_start work (about 10 ms per page load measured in Chromium). The custom event it
  // sends as well is what this WXT version listens for.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const controller = createPanelController();
    // Synchronous part first: at document_start no page script has run yet (see page-bridge.ts).
    const detection = installDetection(window, controller.store);
    installHotkeys(window, controller);
    browser.runtime.onMessage.addListener(answerWith(detection.onTabCommand));
    ctx.onInvalidated(() => {
      detection.stop();
      controller.stop();
    });

    const probe = createTestProbe();
    let built: Promise<PanelUi> | null = null;
    const build = () => {
      built ??= buildPanel(ctx, controller, probe, probe.ready);
      return built;
    };

    const firstState = new Promise<'state'>((resolve) => {
      const stop = controller.store.subscribe((view) => {
        if (!view.data) return;
        stop();
        resolve('state');
      });
    });
    const parsed =
      document.readyState === 'loading'
        ? new Promise<'parsed'>((resolve) =>
            document.addEventListener('DOMContentLoaded', () => resolve('parsed'), { once: true }),
          )
        : Promise.resolve('parsed' as const);
    // Whichever comes first: the state (render it all, in the task that hands it on) or the
    // parsed page (render the shell, in a task after the page's DOMContentLoaded one).
    if ((await Promise.race([firstState, parsed])) === 'parsed') await nextTask();
    const ui = await build();
    await bodyParsed(document);
    await nextTask();
    ui.attach();
  },
});
