// The panel's UI: the closed shadow root and the Preact tree in it, built off the page and put
// into it when index.tsx says so.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PanelApp } from '@/components/PanelApp';
import panelCss from '@/components/panel.css?inline';
import type { PanelController } from '@/lib/panel/controller';
import { raiseToTopLayer } from '@/lib/panel/layout';
import { createShadowHost } from '@/lib/panel/shadow-host';
import type { TestProbe } from '@/lib/panel/test-probe';

export interface PanelUi {
  /** Put the (already rendered) panel on the page: the host, in the top layer. */
  attach(): void;
}

/**
 * Create the shadow root and render the panel into it while it is not yet in the page. `onReady`
 * runs once the panel is on the page and shows a state from the background.
 */
export async function buildPanel(
  ctx: ContentScriptContext,
  controller: PanelController,
  probe: TestProbe,
  onReady: () => void,
): Promise<PanelUi> {
  let attached = false;
  let shown = false;
  const markReady = () => {
    if (attached && shown) onReady();
  };
  const built = createShadowHost(
    document,
    'operator-panel',
    panelCss,
    import.meta.env.MODE === 'e2e' ? 'open' : 'closed',
  );
  const host = built.host;
  ctx.onInvalidated(() => {
    render(null, built.container);
    built.remove();
  });
  probe.attach(host);
  const renderApp = (attached: boolean) =>
    render(
      <PanelApp
        controller={controller}
        host={host}
        attached={attached}
        onTagShown={probe.tagShown}
        onModuleShown={probe.moduleShown}
        onSearchShown={probe.searchShown}
        onPlanShown={probe.planShown}
        onReady={() => {
          shown = true;
          markReady();
        }}
      />,
      built.container,
    );
  renderApp(false);
  return {
    attach() {
      if (ctx.isInvalid) return;
      built.mount();
      raiseToTopLayer(host);
      attached = true;
      markReady();
      renderApp(true);
    },
  };
}
