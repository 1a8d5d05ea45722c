// Operator-added CRM/softphone origins get the panel by dynamic content-script registration, once
// the operator has granted the optional host permission for that origin. The demo origins are in
// the manifest. Both scripts run at document_start so the hotkey listener and the WebRTC hook are
// in place before any page script (R16).
import browser from 'webextension-polyfill';
import type { Site } from '../schema/settings';

export const PANEL_SCRIPT = 'content-scripts/panel.js';
export const RTC_HOOK_SCRIPT = 'content-scripts/rtc-hook.js';

/**
 * The match pattern for a site: scheme and host, any port. Firefox refuses a port in a pattern,
 * and Chromium reads a pattern without one as "every port", so both get the same pattern.
 */
export function permissionPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Make the registered scripts match exactly the added sites whose permission is still granted. */
export async function syncRegistrations(sites: readonly Site[]): Promise<string[]> {
  const granted: string[] = [];
  for (const site of sites) {
    if (site.builtIn) continue;
    const pattern = permissionPattern(site.origin);
    if (!granted.includes(pattern) && (await browser.permissions.contains({ origins: [pattern] })))
      granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts();
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (granted.length === 0) return granted;
  await browser.scripting.registerContentScripts([
    {
      id: 'rtc-hook',
      matches: granted,
      js: [RTC_HOOK_SCRIPT],
      runAt: 'document_start',
      world: 'MAIN',
      persistAcrossSessions: true,
    },
    { id: 'panel', matches: granted, js: [PANEL_SCRIPT], runAt: 'document_start', persistAcrossSessions: true },
  ]);
  return granted;
}
