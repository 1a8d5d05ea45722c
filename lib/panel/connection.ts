// The panel's live link to the background: one runtime port carrying the panel's whole state, the
// content it shows (sent only when its versions change), and the requests of the keystroke path
// (see PORT_REQUESTS). When the worker stops (MV3 workers are stopped when idle or restarted), the
// port drops and the panel reconnects at once, which starts the worker again; state always comes
// from there.
import type { Runtime } from 'webextension-polyfill';
import {
  PANEL_PORT,
  type PanelContent,
  type PanelState,
  type PlanView,
  PortDown,
  type PortRequestType,
  type PortUp,
  type PanelRequestBody as RequestBody,
  type PanelRequestResult as RequestResult,
  type ResponseEnvelope,
  panelRequests as requests,
} from '../messaging/panel-protocol';
import { RequestError } from '../messaging/request-error';
import browser from '../messaging/runtime';
import { nextTask } from './schedule';

export type LinkStatus = 'connecting' | 'live' | 'error';

export interface PanelLink {
  /**
   * Send a request over the open port; null while there is none (reconnecting), so the caller
   * uses `runtime.sendMessage`, which also wakes a stopped worker.
   */
  request<K extends PortRequestType>(type: K, body: RequestBody<K>): Promise<RequestResult<K>> | null;
  stop(): void;
}

interface Pending {
  type: PortRequestType;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** The same checks as `request` in lib/messaging/client.ts, for an answer that came by port. */
function unwrap(type: PortRequestType, response: ResponseEnvelope): unknown {
  if (!response.ok) throw new RequestError(response.error.code, response.error.message);
  const result = requests[type].result.safeParse(response.data);
  if (!result.success) throw new RequestError('internal', `unexpected answer to ${type}: ${result.error.message}`);
  return result.data;
}

export function connectPanel(
  onState: (state: PanelState) => void,
  onStatus: (status: LinkStatus, message?: string) => void,
  onContent: (content: PanelContent) => void = () => {},
  onPlan: (plan: PlanView | null) => void = () => {},
): PanelLink {
  let port: Runtime.Port | null = null;
  let stopped = false;
  let retryDelay = 0;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const dropPending = (message: string) => {
    // The worker stopped with these unanswered: whether they were stored is unknown, as with a
    // `sendMessage` whose channel closed; the operator sees the error and can press again (a
    // repeated tag of the same type is a no-op).
    for (const request of pending.values()) request.reject(new RequestError('internal', message));
    pending.clear();
  };

  // The first state is handed on in a task after the one that parsed it: on a page that has just
  // loaded both cost the most, and the panel's first full render follows. States that arrive
  // meanwhile replace it; after that, each is handed on at once.
  let delivery: 'first' | 'waiting' | 'direct' = 'first';
  let latest: PanelState | null = null;
  const deliver = (state: PanelState) => {
    if (delivery === 'direct') return onState(state);
    latest = state;
    if (delivery === 'waiting') return;
    delivery = 'waiting';
    void nextTask().then(() => {
      delivery = 'direct';
      const state = latest;
      latest = null;
      if (state && !stopped) onState(state);
    });
  };

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
      if (!message.success) return onStatus('error', 'malformed message from the background');
      const data = message.data;
      if (data.type === 'response') {
        const request = pending.get(data.id);
        if (!request) return;
        pending.delete(data.id);
        try {
          request.resolve(unwrap(request.type, data.response));
        } catch (error) {
          request.reject(error as Error);
        }
        return;
      }
      if (data.type === 'error') return onStatus('error', data.message);
      if (data.type === 'content') {
        // Large (up to hundreds of modules) and never on the keystroke path: the panel renders it
        // in a task of its own, after the one that parsed it.
        const { content } = data;
        void nextTask().then(() => {
          if (!stopped) onContent(content);
        });
        return;
      }
      // Small, and what the operator waits for after recording a sale: handed on at once.
      if (data.type === 'plan') return onPlan(data.plan);
      retryDelay = 0;
      onStatus('live');
      deliver(data.state);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      dropPending('the background stopped before answering');
      if (stopped) return;
      setTimeout(open, retryDelay);
      retryDelay = Math.min(2000, retryDelay * 2 + 50);
    });
    port.postMessage({ type: 'subscribe' } satisfies PortUp);
  };

  open();
  return {
    request(type, body) {
      if (!port) return null;
      const id = nextId++;
      const message: PortUp = { type: 'request', id, request: { channel: 'op-panel', type, body } };
      const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { type, resolve, reject }));
      try {
        port.postMessage(message);
      } catch {
        // The port died between its disconnect and our noticing: go the other way.
        pending.delete(id);
        return null;
      }
      return answer as Promise<RequestResult<typeof type>>;
    },
    stop() {
      stopped = true;
      port?.disconnect();
      dropPending('the panel was closed');
    },
  };
}
