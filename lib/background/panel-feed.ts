// Live state for open panels: each panel holds a port; the background runs one Dexie liveQuery per
// port and posts the panel's whole state down it whenever the underlying rows change. The panel
// keeps no state of its own, so a worker restart only costs a reconnect.
import { liveQuery } from 'dexie';
import type { Runtime } from 'webextension-polyfill';
import { endCall, recentCalls } from '../calls/call-store';
import { shiftCalls, tagTarget } from '../calls/rules';
import { loadClassifier, loadSettings, loadSite } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { PANEL_PORT, type PanelState, PortUp } from '../messaging/protocol';
import { verifySender } from '../messaging/sender';

export async function readPanelState(db: PanelDatabase, origin: string, now: number): Promise<PanelState> {
  const [settings, classifier, site, calls] = await Promise.all([
    loadSettings(db),
    loadClassifier(db),
    loadSite(db, origin),
    recentCalls(db, now),
  ]);
  const recent = shiftCalls(calls, now).slice(0, 50);
  return { settings, classifier, site, current: tagTarget(recent, now), recent, now };
}

export function acceptPanelPorts(
  db: PanelDatabase,
  onConnect: Runtime.Static['onConnect'],
  runtimeId: string,
  extensionOrigin: string,
  now: () => number,
): void {
  onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    const sender = verifySender(port.sender ?? {}, runtimeId, extensionOrigin);
    if (sender?.kind !== 'content' || !sender.origin) {
      port.disconnect();
      return;
    }
    const origin = sender.origin;
    let subscription: { unsubscribe(): void } | null = null;
    port.onMessage.addListener((message: unknown) => {
      if (!PortUp.safeParse(message).success || subscription) return;
      subscription = liveQuery(() => readPanelState(db, origin, now())).subscribe({
        next: (state) => port.postMessage({ type: 'state', state }),
        error: (error: unknown) =>
          port.postMessage({ type: 'error', code: 'storage', message: String(error).slice(0, 1000) }),
      });
    });
    port.onDisconnect.addListener(() => {
      subscription?.unsubscribe();
      // The tab that carried a detected call went away (closed, reloaded, navigated): its WebRTC
      // connection is gone with it, so the call ended. A manually started call is left alone.
      if (sender.tabId !== null) void endCall(db, now(), sender.tabId);
    });
  });
}
