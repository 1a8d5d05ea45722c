// Console page entry (unlisted page, console.html): only wiring. State and UI live in components/console.
import { render } from 'preact';
import * as z from 'zod/mini';
import { ConsoleApp } from '../../components/console/ConsoleApp';
import { PanelCss } from '../../components/console/preview-css';
import panelCss from '../../components/panel.css?inline';
import '../../components/options/options.css';
import '../../components/console/console.css';

// Extension pages may not evaluate strings: without this, zod's first parse probes `new Function`
// (a CSP violation the browser reports) before falling back to the same interpreted path.
z.config({ jitless: true });

const root = document.getElementById('app');
if (root) {
  render(
    // The live previews render the panel's components with the panel's own stylesheet.
    <PanelCss.Provider value={panelCss}>
      <ConsoleApp />
    </PanelCss.Provider>,
    root,
  );
}
