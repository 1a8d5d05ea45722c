// The panel takes the keyboard focus from the page only when the operator asked for it (our
// hotkey), and gives it back to the page's field when they are done (Esc), so the CRM field they
// were typing in is where their next keystroke goes.

let previous: HTMLElement | null = null;

/** Focus `element` in the panel, remembering the page element that had the focus. */
export function takeFocus(element: HTMLElement | null | undefined): void {
  if (!element) return;
  const doc = element.ownerDocument;
  const root = element.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const active = doc.activeElement;
  // Focus inside our shadow root shows as the host; the body means nothing had it.
  if (active instanceof HTMLElement && active !== host && active !== doc.body) previous = active;
  element.focus();
}

/** Back to the page element that had the focus before our hotkey, if it is still there. */
export function giveBackFocus(): void {
  const target = previous;
  previous = null;
  if (target?.isConnected) target.focus();
}
