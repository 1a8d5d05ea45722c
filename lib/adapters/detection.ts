// Call detection in the content script: the WebRTC hook (through the private page bridge) and
// the site adapter's DOM state both turn into `call.signal` requests; the adapter's readings of
// the caller and subscriber card become `call.context`. The background merges them into one call.

import * as z from 'zod/mini';
import { request } from '../messaging/panel-client';
import { type AdapterReading, TabCommand } from '../messaging/panel-protocol';
import browser from '../messaging/runtime';
import type { PanelView } from '../panel/controller';
import type { Store } from '../panel/store';
import type { SiteAdapter } from '../schema/settings';
import { watchAdapter } from './dom-watcher';
import { openBridgeIsolated } from './page-bridge';
import { readAdapter } from './site-reader';

const RtcMessage = z.object({ kind: z.literal('rtc'), signal: z.enum(['start', 'end']) });

export interface Detection {
  /** Answers the background's "read the adapter on this page" (options page's selector test). */
  onTabCommand(message: unknown, sender: { id?: string; tab?: unknown }): Promise<AdapterReading> | undefined;
  stop(): void;
}

function report(error: unknown): void {
  console.warn('[operator-panel]', error);
}

export function installDetection(win: Window & typeof globalThis, store: Store<PanelView>): Detection {
  const doc = win.document;
  let adapter: SiteAdapter | null = null;
  let lastReading: AdapterReading | null = null;

  openBridgeIsolated(win, (data) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const message = RtcMessage.safeParse(parsed);
    if (!message.success) return;
    request('call.signal', {
      source: 'webrtc',
      state: message.data.signal,
      callerNumber: lastReading?.callerNumber ?? null,
      direction: 'inbound',
    }).catch(report);
  });

  const watch = watchAdapter(
    doc,
    () => adapter,
    (reading, previous) => {
      lastReading = reading;
      const wasInCall = previous?.inCall ?? false;
      if (reading.inCall !== null && reading.inCall !== wasInCall) {
        request('call.signal', {
          source: 'adapter',
          state: reading.inCall ? 'start' : 'end',
          callerNumber: reading.callerNumber,
        })
          .then(() => sendContext(reading))
          .catch(report);
      } else {
        sendContext(reading);
      }
    },
  );

  function sendContext(reading: AdapterReading) {
    if (!reading.callerNumber && Object.keys(reading.subscriber).length === 0) return;
    request('call.context', { callerNumber: reading.callerNumber, subscriber: reading.subscriber }).catch(report);
  }

  // Follow the site's adapter as the background sends it, and re-send the context when a new
  // call starts (the card may have been read before the call existed).
  let adapterKey = '';
  let activeCallId: string | null = null;
  const unsubscribe = store.subscribe((view) => {
    const next = view.data?.site.adapter ?? null;
    const key = JSON.stringify(next);
    const current = view.data?.current;
    const active = current && current.endedAt === null ? current.id : null;
    if (key !== adapterKey || (active && active !== activeCallId)) {
      adapterKey = key;
      adapter = next;
      watch.refresh();
    }
    activeCallId = active;
  });

  return {
    onTabCommand(message, sender) {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const command = TabCommand.safeParse(message);
      if (!command.success) return undefined;
      return Promise.resolve(readAdapter(doc, command.data.adapter));
    },
    stop() {
      watch.stop();
      unsubscribe();
    },
  };
}
