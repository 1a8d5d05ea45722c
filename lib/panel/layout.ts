// Places the panel's host element on the page: docked at the right edge, full height, in the
// browser's top layer when available (no page z-index can cover it, R18), and in "push" mode
// narrows the page by the panel's width so the CRM's own controls stay visible.
import type { PanelPrefs } from '../schema/settings';

export const COLLAPSED_WIDTH = 28;

export function panelWidth(prefs: PanelPrefs): number {
  return prefs.collapsed ? COLLAPSED_WIDTH : prefs.width;
}

export function applyLayout(host: HTMLElement, doc: Document, prefs: PanelPrefs): void {
  const width = panelWidth(prefs);
  // The width goes through a custom property that the shadow's own :host rule reads: custom
  // properties survive a page's `all: unset !important`.
  host.style.setProperty('--op-panel-width', `${width}px`);
  host.toggleAttribute('data-collapsed', prefs.collapsed);
  const root = doc.documentElement;
  if (prefs.mode === 'push' && !prefs.collapsed) {
    root.style.setProperty('margin-right', `${width}px`, 'important');
  } else {
    root.style.removeProperty('margin-right');
  }
}

/** Lift the host into the top layer (a manual popover), above any z-index the page uses. */
export function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.setAttribute('popover', 'manual');
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Not connected yet or not supported: the fixed position and z-index still apply.
  }
}
