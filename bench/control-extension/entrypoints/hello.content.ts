// The control content script: same injection timing and shadow-root helper as the panel
// (document_start, wait for DOMContentLoaded, createShadowRootUi), but plain DOM and no data.
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_start',
  async main(ctx) {
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    const ui = await createShadowRootUi(ctx, {
      name: 'bench-hello',
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      mode: 'open',
      onMount(container) {
        const hello = document.createElement('div');
        hello.dataset.testid = 'hello';
        hello.textContent = 'hello';
        container.append(hello);
        return hello;
      },
    });
    ui.mount();
    document.documentElement.dataset.opPanelReadyAt = String(performance.now());
  },
});
