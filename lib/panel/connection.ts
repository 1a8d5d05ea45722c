// The panel's live link to the background: one runtime port carrying the panel's whole state.
// When the worker stops (MV3 workers are stopped when idle or restarted), the port drops and
// the panel reconnects at once, which starts the worker again; state always comes from there.
import browser, { type Runtime } from 'webextension-polyfill';
import { PANEL_PORT, type PanelState, PortDown } from '../messaging/protocol';

export type LinkStatus = 'connecting' | 'live' | 'error';

export interface PanelLink {
  stop(): void;
}

export function connectPanel(
  onState: (state: PanelState) => void,
  onStatus: (status: LinkStatus, message?: string) => void,
): PanelLink {
  let port: Runtime.Port | null = null;
  let stopped = false;
  let retryDelay = 0;

  const open = () => {
    if (stopped) return;
    onStatus('connecting');
    try {
      port = browser.runtime.connect({ name: PANEL_PORT });
    } catch (error) {
      // The extension was reloaded or removed: this content script is orphaned for good.
      onStatus('error', String(error));
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const message = PortDown.safeParse(raw);
      if (!message.success) return onStatus('error', 'malformed state from the background');
      if (message.data.type === 'error') return onStatus('error', message.data.message);
      retryDelay = 0;
      onStatus('live');
      onState(message.data.state);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (stopped) return;
      setTimeout(open, retryDelay);
      retryDelay = Math.min(2000, retryDelay * 2 + 50);
    });
    port.postMessage({ type: 'subscribe' });
  };

  open();
  return {
    stop() {
      stopped = true;
      port?.disconnect();
    },
  };
}
