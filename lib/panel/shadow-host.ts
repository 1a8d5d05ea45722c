// The panel's host element and its shadow root, made by hand instead of WXT's createShadowRootUi:
// that helper brings an element-waiting library, an options merger and a CSS splitter into the
// content script (about 2.5 KB gzip of a 40 KB budget) for what is here a dozen lines. Same
// structure as WXT's: <html><head><style/></head><body/></html> inside the root, page styles
// reset on the host, and the keyboard and focus events the panel handles kept from the page.
export interface ShadowHost {
  host: HTMLElement;
  /** Where the panel renders (the shadow root's <body>). */
  container: HTMLElement;
  /** Puts the host into the page (last child of <html>). */
  mount(): void;
  remove(): void;
}

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout'];

export function createShadowHost(doc: Document, name: string, css: string, mode: ShadowRootMode): ShadowHost {
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const body = doc.createElement('body');
  const style = doc.createElement('style');
  // The page's styles must not leak in through inheritance: the host starts from initial values.
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  // The CRM page's own shortcuts must not fire while the operator types in the panel.
  for (const type of ISOLATED_EVENTS) body.addEventListener(type, (event) => event.stopPropagation());
  return {
    host,
    container: body,
    mount: () => doc.documentElement.append(host),
    remove: () => host.remove(),
  };
}
